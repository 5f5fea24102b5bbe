package io.sentinel.report.diagnostics;

import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import java.time.Instant;
import java.util.Objects;

/**
 * What a report needs of one stored probe result.
 *
 * @param startedAt    when the probe started
 * @param outcome      what it found
 * @param latencyMillis how long it took
 * @param failureClass why it failed, for a DOWN result
 * @param message      its message, for a DOWN result (else empty: reports do not read the others)
 * @param costUsd      what it cost, for a DOWN result that was a paid call (else 0)
 */
public record Observation(Instant startedAt, Outcome outcome, long latencyMillis, FailureClass failureClass,
                          String message, double costUsd) {

    public Observation {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(outcome, "outcome");
        message = message == null ? "" : message;
    }
}
