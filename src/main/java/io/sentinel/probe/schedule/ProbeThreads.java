package io.sentinel.probe.schedule;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads probes run on: started when a probe finds none idle, up to a limit, and ended after a minute
 * without work. Fifty checks every five seconds keep one or two threads, ten thousand every thirty seconds a
 * handful, and no configuration keeps more than the limit.
 *
 * <p>There is no queue: a probe is handed to an idle thread or to a new one. The caller (the scheduler) never
 * hands over more probes than the limit at once, so a hand-over finds a thread except in the instant when every
 * thread exists and one has just finished its probe but is not yet waiting for the next; then the hand-over
 * waits for that thread, which takes it at once.
 */
final class ProbeThreads {

    private static final Duration IDLE = Duration.ofSeconds(60);
    /** How long a hand-over waits before it looks again whether the pool is closing. */
    private static final long HAND_OVER_WAIT_MILLIS = 100;

    private final ThreadPoolExecutor pool;

    ProbeThreads(int limit) {
        AtomicInteger counter = new AtomicInteger();
        SynchronousQueue<Runnable> handOver = new SynchronousQueue<>();
        this.pool = new ThreadPoolExecutor(0, limit, IDLE.toSeconds(), TimeUnit.SECONDS, handOver, runnable -> {
            Thread thread = new Thread(runnable, "sentinel-probe-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, (probe, executor) -> waitForAThread(probe, executor, handOver));
    }

    /** Runs a probe on an idle thread, a new one, or the one about to be idle; refused once closing. */
    void run(Runnable probe) {
        pool.execute(probe);
    }

    /** Threads alive now, idle ones included. */
    int alive() {
        return pool.getPoolSize();
    }

    /** Threads running a probe now. */
    int active() {
        return pool.getActiveCount();
    }

    void shutdown() {
        pool.shutdown();
    }

    boolean awaitTermination(Duration timeout) throws InterruptedException {
        return pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void shutdownNow() {
        pool.shutdownNow();
    }

    private static void waitForAThread(Runnable probe, ThreadPoolExecutor executor, SynchronousQueue<Runnable> handOver) {
        try {
            while (!executor.isShutdown()) {
                if (handOver.offer(probe, HAND_OVER_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
                if (executor.getPoolSize() < executor.getMaximumPoolSize()) {
                    // a thread ended idle meanwhile: start another
                    executor.execute(probe);
                    return;
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        throw new RejectedExecutionException("probe threads are closing");
    }
}
