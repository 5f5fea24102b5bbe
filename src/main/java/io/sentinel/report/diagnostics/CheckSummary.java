package io.sentinel.report.diagnostics;

import io.sentinel.probe.Outcome;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One check over a report's window: its results by outcome and, when it answered, how fast.
 *
 * @param checkId     the check
 * @param dependency  its dependency
 * @param configured  whether the configuration has it (results of a removed check still count)
 * @param results     its results per outcome
 * @param p50Millis   the median latency of the probes it answered (UP or DEGRADED), when there were any
 * @param p95Millis   the 95th percentile of the same
 */
public record CheckSummary(String checkId, String dependency, boolean configured, Map<Outcome, Long> results,
                           OptionalLong p50Millis, OptionalLong p95Millis) {

    public CheckSummary {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(dependency, "dependency");
        EnumMap<Outcome, Long> copy = new EnumMap<>(Outcome.class);
        copy.putAll(results);
        results = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(p50Millis, "p50Millis");
        Objects.requireNonNull(p95Millis, "p95Millis");
    }

    public long count(Outcome outcome) {
        return results.getOrDefault(outcome, 0L);
    }

    /** Results that say something about the dependency: UP, DEGRADED and DOWN. */
    public long observations() {
        return count(Outcome.UP) + count(Outcome.DEGRADED) + count(Outcome.DOWN);
    }

    /** Observations in which it answered correctly, if slowly: UP and DEGRADED. */
    public long answered() {
        return count(Outcome.UP) + count(Outcome.DEGRADED);
    }

    /**
     * The share of observations in which it answered, in percent; empty without observations. SKIPPED and
     * SHORT_CIRCUITED results did not look at the dependency and count neither way.
     */
    public OptionalDouble uptimePercent() {
        long observations = observations();
        return observations == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * answered() / observations);
    }
}
