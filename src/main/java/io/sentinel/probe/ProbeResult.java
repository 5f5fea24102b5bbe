package io.sentinel.probe;

import io.sentinel.model.FailureClass;
import io.sentinel.secret.Redactor;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one contract between probing and everything after it. Every route, built in or an operator's own,
 * sends these to {@code direct:results}.
 *
 * @param checkId       the check that produced it
 * @param dependency    the dependency the check watches
 * @param startedAt     when the probe started
 * @param latency       how long the probe took (zero when it did not run)
 * @param outcome       what it found
 * @param failureClass  why it failed; null unless the outcome is {@link Outcome#DOWN}
 * @param httpStatus    the HTTP status seen, 0 when there was none
 * @param message       a short human explanation; redacted, then cut to {@link #MAX_MESSAGE_LENGTH}
 * @param readings      named numbers read from the response, such as {@code credits.remaining}
 */
public record ProbeResult(
        String checkId,
        String dependency,
        Instant startedAt,
        Duration latency,
        Outcome outcome,
        FailureClass failureClass,
        int httpStatus,
        String message,
        Map<String, Double> readings) {

    /** Messages are summaries, not dumps: the store, alerts and API all show them. */
    public static final int MAX_MESSAGE_LENGTH = 500;
    private static final Pattern READING_NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");

    public ProbeResult {
        requireText(checkId, "checkId");
        requireText(dependency, "dependency");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(outcome, "outcome");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, was " + latency);
        }
        if (outcome == Outcome.DOWN && failureClass == null) {
            throw new IllegalArgumentException("a DOWN result needs a failure class");
        }
        if (outcome != Outcome.DOWN && failureClass != null) {
            throw new IllegalArgumentException("only a DOWN result has a failure class, this one is " + outcome);
        }
        if (httpStatus != 0 && (httpStatus < 100 || httpStatus > 999)) {
            throw new IllegalArgumentException("httpStatus must be 0 or a 3-digit status, was " + httpStatus);
        }
        // redacted before it is cut, so that a cut never leaves the start of a secret behind
        message = message == null ? "" : Redactor.global().shorten(message.strip(), MAX_MESSAGE_LENGTH);
        readings = copyReadings(readings);
    }

    public static Builder of(String checkId, String dependency, Instant startedAt) {
        return new Builder(checkId, dependency, startedAt);
    }

    public boolean isFailure() {
        return outcome == Outcome.DOWN;
    }

    public ProbeResult withOutcome(Outcome newOutcome, FailureClass newFailureClass, String newMessage) {
        return new ProbeResult(checkId, dependency, startedAt, latency, newOutcome, newFailureClass,
                httpStatus, newMessage, readings);
    }

    public ProbeResult withMessage(String newMessage) {
        return new ProbeResult(checkId, dependency, startedAt, latency, outcome, failureClass,
                httpStatus, newMessage, readings);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static Map<String, Double> copyReadings(Map<String, Double> readings) {
        if (readings == null || readings.isEmpty()) {
            return Map.of();
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        readings.forEach((name, value) -> {
            if (!READING_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("reading name '" + name + "' must be dotted lower-case words");
            }
            if (value == null || value.isNaN() || value.isInfinite()) {
                throw new IllegalArgumentException("reading '" + name + "' must be a finite number, was " + value);
            }
            copy.put(name, value);
        });
        return java.util.Collections.unmodifiableMap(copy);
    }

    /** Builds a result step by step; the probe code reads better than a nine-argument constructor. */
    public static final class Builder {
        private final String checkId;
        private final String dependency;
        private final Instant startedAt;
        private Duration latency = Duration.ZERO;
        private int httpStatus;
        private final Map<String, Double> readings = new LinkedHashMap<>();

        private Builder(String checkId, String dependency, Instant startedAt) {
            this.checkId = checkId;
            this.dependency = dependency;
            this.startedAt = startedAt;
        }

        public Builder latency(Duration value) {
            this.latency = value;
            return this;
        }

        public Builder httpStatus(int value) {
            this.httpStatus = value;
            return this;
        }

        public Builder reading(String name, double value) {
            readings.put(name, value);
            return this;
        }

        public Builder readings(Map<String, Double> values) {
            readings.putAll(values);
            return this;
        }

        public ProbeResult up(String message) {
            return build(Outcome.UP, null, message);
        }

        public ProbeResult degraded(String message) {
            return build(Outcome.DEGRADED, null, message);
        }

        public ProbeResult down(FailureClass failureClass, String message) {
            return build(Outcome.DOWN, failureClass, message);
        }

        public ProbeResult skipped(String message) {
            return build(Outcome.SKIPPED, null, message);
        }

        public ProbeResult shortCircuited(String message) {
            return build(Outcome.SHORT_CIRCUITED, null, message);
        }

        public ProbeResult build(Outcome outcome, FailureClass failureClass, String message) {
            return new ProbeResult(checkId, dependency, startedAt, latency, outcome, failureClass,
                    httpStatus, message, readings);
        }
    }
}
