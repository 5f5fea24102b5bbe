package io.sentinel.writer;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits by parking the thread. A wake that comes while nobody waits is kept for the next wait, so a wake is
 * never lost between two waits; an extra round is all a stale one costs.
 */
final class ParkingPause implements Pause {

    private final AtomicBoolean woken = new AtomicBoolean();
    private volatile Thread waiter;

    @Override
    public void await(Duration longest) {
        waiter = Thread.currentThread();
        if (woken.getAndSet(false) || longest.isZero() || longest.isNegative()) {
            return;
        }
        LockSupport.parkNanos(this, longest.toNanos());
    }

    @Override
    public void wake() {
        woken.set(true);
        Thread thread = waiter;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }
}
