package io.sentinel.results;

import io.sentinel.probe.Outcome;
import java.time.Instant;
import java.util.Objects;

/**
 * The part of a stored result a latency chart needs.
 *
 * @param checkId   the check
 * @param startedAt when the probe started
 * @param latencyMs how long it took
 * @param outcome   what it found
 */
public record LatencySample(String checkId, Instant startedAt, long latencyMs, Outcome outcome) {

    public LatencySample {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(outcome, "outcome");
    }
}
