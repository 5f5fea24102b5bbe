package io.sentinel.writer;

import io.sentinel.testing.MutableClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/** Waits by moving the test's clock: a writer's linger and backoff pass at once, in clock time only. */
final class AdvancingPause implements Pause {

    private final MutableClock clock;
    private final AtomicBoolean woken = new AtomicBoolean();

    AdvancingPause(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public void await(Duration longest) {
        if (!woken.getAndSet(false) && !longest.isZero()) {
            clock.advance(longest);
        }
        // a fraction of a millisecond of real time, so an idle writer does not spin a whole core
        LockSupport.parkNanos(200_000);
    }

    @Override
    public void wake() {
        woken.set(true);
    }
}
