package io.sentinel.alert.dispatch;

import io.sentinel.secret.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that drives one channel's dispatcher: it sleeps until the next notification is due, and is
 * woken at once when a new one arrives, so an alert leaves within milliseconds of being raised.
 */
public final class DispatcherLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DispatcherLoop.class);
    /** Re-check at least this often: a clock change or a missed wake-up then costs at most a second. */
    private static final Duration LONGEST_SLEEP = Duration.ofSeconds(1);

    private final ChannelDispatcher dispatcher;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Thread thread;
    private volatile boolean running = true;
    private boolean woken;

    public DispatcherLoop(ChannelDispatcher dispatcher, Clock clock) {
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.thread = new Thread(this::run, "sentinel-deliver-" + dispatcher.channelId());
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public void wake() {
        lock.lock();
        try {
            woken = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        running = false;
        wake();
        try {
            thread.join(5_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            Duration sleep = LONGEST_SLEEP;
            try {
                Optional<Instant> next = dispatcher.deliverDue();
                if (next.isPresent()) {
                    Duration untilDue = Duration.between(clock.instant(), next.get());
                    sleep = untilDue.compareTo(LONGEST_SLEEP) < 0 ? untilDue : LONGEST_SLEEP;
                }
            } catch (RuntimeException bug) {
                LOG.error("Delivering to {} failed unexpectedly; retrying in a second: {}", dispatcher.channelId(),
                        Redactor.global().describe(bug));
            }
            awaitWork(sleep);
        }
    }

    private void awaitWork(Duration sleep) {
        lock.lock();
        try {
            if (!woken && running && !sleep.isNegative() && !sleep.isZero()) {
                work.awaitNanos(sleep.toNanos());
            }
            woken = false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }
}
