package io.sentinel.writer;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff between attempts at something that is failing: each failure doubles the wait, up to
 * a ceiling, and a success starts again from the beginning.
 *
 * @param initial the first wait
 * @param maximum the longest wait, however long the trouble lasts
 * @param current the wait before the next attempt
 */
public record Backoff(Duration initial, Duration maximum, Duration current) {

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(maximum, "maximum");
        Objects.requireNonNull(current, "current");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial backoff must be positive, was " + initial);
        }
        if (maximum.compareTo(initial) < 0) {
            throw new IllegalArgumentException("maximum backoff " + maximum + " is shorter than initial " + initial);
        }
    }

    public static Backoff between(Duration initial, Duration maximum) {
        return new Backoff(initial, maximum, initial);
    }

    /** One second doubling to thirty: fast enough to notice a quick restart, gentle on a long outage. */
    public static Backoff standard() {
        return between(Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    public Backoff next() {
        Duration doubled = current.multipliedBy(2);
        return new Backoff(initial, maximum, doubled.compareTo(maximum) > 0 ? maximum : doubled);
    }

    public Backoff reset() {
        return new Backoff(initial, maximum, initial);
    }
}
