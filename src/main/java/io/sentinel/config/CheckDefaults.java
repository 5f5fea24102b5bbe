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
    }
}
