package io.sentinel.alert;

import io.sentinel.alert.dispatch.ChannelDispatcher;
import io.sentinel.testing.MutableClock;
import java.time.Instant;
import java.util.Optional;

/** Drives a dispatcher the way its loop does, moving the test's clock to each due time. */
final class DispatcherDriver {

    private DispatcherDriver() {
    }

    /** Until nothing is left to send; fails the test when that never happens. */
    static void deliverAll(ChannelDispatcher dispatcher, MutableClock clock) {
        for (int round = 0; round < 100_000; round++) {
            Optional<Instant> next = dispatcher.deliverDue();
            if (next.isEmpty()) {
                return;
            }
            clock.set(next.get());
        }
        throw new AssertionError("the dispatcher never finished");
    }

    /** What falls due up to {@code until}, the clock moved to each due time; the clock ends at {@code until}. */
    static void deliverUntil(ChannelDispatcher dispatcher, MutableClock clock, Instant until) {
        for (int round = 0; round < 100_000; round++) {
            Optional<Instant> next = dispatcher.deliverDue();
            if (next.isEmpty() || next.get().isAfter(until)) {
                clock.set(until);
                return;
            }
            clock.set(next.get());
        }
        throw new AssertionError("the dispatcher never settled");
    }
}
