package io.sentinel.provider.vercel;

import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one of the check's calls found: the site, the health path or the deployment list.
 *
 * @param outcome      UP, DEGRADED or DOWN; SKIPPED for a part that could not run
 * @param failureClass why it failed, only for DOWN
 * @param message      a short explanation, naming the part
 * @param httpStatus   the status that call got, 0 when there was none
 * @param readings     numbers this part read
 */
record Finding(Outcome outcome, FailureClass failureClass, String message, int httpStatus, Map<String, Double> readings) {

    Finding {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        if ((outcome == Outcome.DOWN) != (failureClass != null)) {
            throw new IllegalArgumentException("a failure class goes with DOWN and only with DOWN");
        }
        readings = Collections.unmodifiableMap(new LinkedHashMap<>(readings));
    }

    static Finding up(String message, int httpStatus, Map<String, Double> readings) {
        return new Finding(Outcome.UP, null, message, httpStatus, readings);
    }

    static Finding up(String message, int httpStatus) {
        return up(message, httpStatus, Map.of());
    }

    static Finding degraded(String message, int httpStatus, Map<String, Double> readings) {
        return new Finding(Outcome.DEGRADED, null, message, httpStatus, readings);
    }

    static Finding down(FailureClass failureClass, String message, int httpStatus) {
        return down(failureClass, message, httpStatus, Map.of());
    }

    static Finding down(FailureClass failureClass, String message, int httpStatus, Map<String, Double> readings) {
        return new Finding(Outcome.DOWN, failureClass, message, httpStatus, readings);
    }

    /** A part that did not run: it adds its reason to the message and nothing to the outcome. */
    static Finding skipped(String message) {
        return new Finding(Outcome.SKIPPED, null, message, 0, Map.of());
    }

    /** How bad the finding is: DOWN beats DEGRADED beats UP, and a skipped part counts for nothing. */
    int severity() {
        return switch (outcome) {
            case DOWN -> 3;
            case DEGRADED -> 2;
            case UP -> 1;
            default -> 0;
        };
    }
}
