package io.sentinel.config;

import java.time.Duration;
import java.util.Objects;

/**
 * When a check counts as flapping: more than {@code changes} changes of state within {@code within}. It stops
 * flapping once no more than half as many changes fall within the same span (the gap between the two
 * thresholds keeps it from flapping in and out of flapping, as Nagios's high and low thresholds do).
 *
 * @param changes how many changes of state within the span are still not flapping
 * @param within  the span they are counted over
 */
public record FlappingSettings(int changes, Duration within) {

    public static final int MIN_CHANGES = 2;
    public static final int MAX_CHANGES = 100;
    public static final Duration SHORTEST_SPAN = Duration.ofMinutes(1);
    public static final Duration LONGEST_SPAN = Duration.ofDays(1);
    /**
     * A check needs 5 probes for a DOWN and back: more than 5 changes in an hour is no longer an outage.
     * Declared after the limits, which its constructor reads.
     */
    public static final FlappingSettings DEFAULT = new FlappingSettings(5, Duration.ofHours(1));

    public FlappingSettings {
        Objects.requireNonNull(within, "within");
        if (changes < MIN_CHANGES || changes > MAX_CHANGES) {
            throw new IllegalArgumentException("changes must be from 2 to 100, was " + changes);
        }
        if (within.compareTo(SHORTEST_SPAN) < 0 || within.compareTo(LONGEST_SPAN) > 0) {
            throw new IllegalArgumentException("within must be from 1m to 1d, was " + within);
        }
    }

    /** At or below this many changes within the span, a flapping check has settled. */
    public int settledAt() {
        return changes / 2;
    }
}
