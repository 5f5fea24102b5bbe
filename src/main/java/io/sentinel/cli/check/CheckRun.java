package io.sentinel.cli.check;

import io.sentinel.probe.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@code sentinel check} found, in the configuration's order.
 *
 * @param startedAt when the first probe started
 * @param took      how long all of them took together
 * @param results   each check and its result
 */
public record CheckRun(Instant startedAt, Duration took, List<CheckedResult> results) {

    /** Exit code: every selected check ran and no critical one is DOWN. */
    public static final int PASSED = 0;
    /** Exit code: at least one critical check is DOWN. */
    public static final int CRITICAL_DOWN = 1;

    public CheckRun {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(took, "took");
        results = List.copyOf(results);
    }

    public int exitCode() {
        return criticalDown().isEmpty() ? PASSED : CRITICAL_DOWN;
    }

    /** The ids of the critical checks found DOWN. */
    public List<String> criticalDown() {
        return results.stream().filter(CheckedResult::failsTheRun).map(checked -> checked.check().id()).toList();
    }

    /** How many results had each outcome, in the outcome's order; outcomes nobody had are left out. */
    public Map<Outcome, Integer> counts() {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        results.forEach(checked -> counts.merge(checked.result().outcome(), 1, Integer::sum));
        return counts;
    }

    public long count(Outcome outcome) {
        return results.stream().filter(checked -> checked.result().outcome() == outcome).count();
    }

    /** {@code 5 checks: 3 UP, 1 DOWN, 1 SKIPPED}. */
    public String summary() {
        StringBuilder line = new StringBuilder().append(results.size()).append(results.size() == 1 ? " check" : " checks");
        String separator = ": ";
        for (Map.Entry<Outcome, Integer> count : counts().entrySet()) {
            line.append(separator).append(count.getValue()).append(' ').append(count.getKey().name());
            separator = ", ";
        }
        return line.toString();
    }
}
