package io.sentinel.probe.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Probe threads start as probes need them, never more than the limit, and with no queue in between. */
class ProbeThreadsTest {

    @Test
    void probesOneAfterAnotherKeepOneThread() throws Exception {
        ProbeThreads threads = new ProbeThreads(16);
        try {
            for (int i = 0; i < 50; i++) {
                CountDownLatch done = new CountDownLatch(1);
                threads.run(done::countDown);
                assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
                // probes spaced as a small configuration's are: the thread that ran one waits for the next
                Thread.sleep(20);
            }
            // one, or two if a probe came in the instant between a thread's end of probe and its wait
            assertThat(threads.alive()).isBetween(1, 2);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void asManyProbesAtOnceAsTheLimitRunEachOnAThreadAndTheNextWaitsForOne() throws Exception {
        int limit = 3;
        ProbeThreads threads = new ProbeThreads(limit);
        // the scheduler's rule: never more probes handed over than the limit
        Semaphore free = new Semaphore(limit);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(300);
        try {
            for (int i = 0; i < 300; i++) {
                free.acquire();
                threads.run(() -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    running.decrementAndGet();
                    all.countDown();
                    free.release();
                });
                assertThat(threads.alive()).isLessThanOrEqualTo(limit);
            }
            assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(mostAtOnce.get()).isLessThanOrEqualTo(limit);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void closedThreadsRefuseProbes() throws Exception {
        ProbeThreads threads = new ProbeThreads(2);
        threads.shutdown();
        assertThat(threads.awaitTermination(Duration.ofSeconds(5))).isTrue();
        assertThatThrownBy(() -> threads.run(() -> { })).isInstanceOf(RejectedExecutionException.class);
    }
}
