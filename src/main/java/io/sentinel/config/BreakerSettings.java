package io.sentinel.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How a dependency's circuit breaker decides, sized in probes rather than Resilience4j's 100-call default,
 * which would never open for a poller that makes one call a minute.
 *
 * @param window            how many recent probes the failure rate is computed over
 * @param minimumCalls      probes needed in the window before the rate counts
 * @param failureRate       percentage of failed probes that opens the breaker
 * @param slowCall          a probe slower than this counts as slow
 * @param slowCallRate      percentage of slow probes that opens the breaker
 * @param waitInOpen        how long the breaker stays open before letting trial probes through
 * @param halfOpenTrials    trial probes allowed while half-open
 * @param severity          severity of the "disabled by breaker" alert
 */
public record BreakerSettings(int window, int minimumCalls, float failureRate, Duration slowCall,
                              float slowCallRate, Duration waitInOpen, int halfOpenTrials, Severity severity) {

    public static final BreakerSettings DEFAULTS =
            new BreakerSettings(10, 4, 50f, Duration.ofSeconds(10), 100f, Duration.ofMinutes(2), 2, Severity.HIGH);

    /** Probes the failure rate is computed over; Resilience4j keeps one slot per probe in the window. */
    public static final int MAX_WINDOW = 1000;
    public static final int MAX_HALF_OPEN_TRIALS = 100;
    /** As long as the longest probe timeout: a slower call has timed out already. */
    public static final Duration LONGEST_SLOW_CALL = CheckDefaults.LONGEST_TIMEOUT;
    /** A dependency left alone for more than a day is one nobody is watching. */
    public static final Duration LONGEST_WAIT_IN_OPEN = Duration.ofDays(1);

    public BreakerSettings {
        Objects.requireNonNull(slowCall, "slowCall");
        Objects.requireNonNull(waitInOpen, "waitInOpen");
        Objects.requireNonNull(severity, "severity");
        if (window < 1 || minimumCalls < 1 || halfOpenTrials < 1) {
            throw new IllegalArgumentException("window, minimumCalls and halfOpenTrials must be at least 1");
        }
        if (minimumCalls > window) {
            throw new IllegalArgumentException("minimumCalls (" + minimumCalls + ") cannot exceed window (" + window + ")");
        }
        if (failureRate <= 0 || failureRate > 100 || slowCallRate <= 0 || slowCallRate > 100) {
            throw new IllegalArgumentException("rates are percentages above 0 and at most 100");
        }
        if (slowCall.isNegative() || slowCall.isZero() || waitInOpen.isNegative() || waitInOpen.isZero()) {
            throw new IllegalArgumentException("slowCall and waitInOpen must be positive");
        }
    }
}
