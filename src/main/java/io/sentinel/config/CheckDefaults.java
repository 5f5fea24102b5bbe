package io.sentinel.config;

import java.time.Duration;
import java.util.Objects;

/**
 * What a check gets when it does not say otherwise.
 *
 * @param interval          time between the end of one probe and the start of the next
 * @param timeout           deadline for a whole probe, body included
 * @param failureThreshold  consecutive failed probes before a check is DOWN
 * @param successThreshold  consecutive good probes before a DOWN check is UP again
 */
public record CheckDefaults(Duration interval, Duration timeout, int failureThreshold, int successThreshold) {

    /** Sub-second intervals are for local stand-ins and tests; a week covers the rarest useful probe. */
    public static final Duration SHORTEST_INTERVAL = Duration.ofMillis(100);
    public static final Duration LONGEST_INTERVAL = Duration.ofDays(7);
    /** A probe is one request or query: ten minutes is far past any of them, and keeps a probe thread bounded. */
    public static final Duration SHORTEST_TIMEOUT = Duration.ofMillis(100);
    public static final Duration LONGEST_TIMEOUT = Duration.ofMinutes(10);
    /** Consecutive probes before a state changes; beyond this a check would never change state in practice. */
    public static final int MAX_THRESHOLD = 1000;

    /** Declared after the limits, which its constructor reads. */
    public static final CheckDefaults STANDARD = new CheckDefaults(Duration.ofSeconds(60), Duration.ofSeconds(10), 3, 2);

    public CheckDefaults {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        if (interval.isNegative() || interval.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("interval and timeout must be positive");
        }
        if (failureThreshold < 1 || successThreshold < 1) {
            throw new IllegalArgumentException("thresholds must be at least 1");
        }
        if (interval.compareTo(LONGEST_INTERVAL) > 0 || timeout.compareTo(LONGEST_TIMEOUT) > 0
                || failureThreshold > MAX_THRESHOLD || successThreshold > MAX_THRESHOLD) {
            throw new IllegalArgumentException("interval, timeout or a threshold is above its maximum");
        }
    }
}
