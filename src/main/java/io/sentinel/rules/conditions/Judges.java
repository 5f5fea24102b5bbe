package io.sentinel.rules.conditions;

import io.sentinel.config.ReadingPattern;
import io.sentinel.config.RuleCondition;
import io.sentinel.probe.ProbeResult;
import java.util.LinkedHashSet;
import java.util.Set;

/** Which series of a rule a result speaks about, and the judge that keeps each series. */
public final class Judges {

    /** The one series of a rule on the check's own probes. */
    public static final String PROBES = "";

    private Judges() {
    }

    /**
     * The series of {@code condition} that {@code result} carries something for: the check's probes ({@code ""})
     * for a result that reached a verdict, or each reading that matches the rule's pattern (for real traffic,
     * each series with both its request and error reading). A rule is judged only on the results that carry what
     * it watches, so a check that is SKIPPED or short-circuited leaves its rules where they stand.
     */
    public static Set<String> seriesIn(RuleCondition condition, ProbeResult result) {
        if (condition instanceof RuleCondition.ErrorRate rate && rate.traffic().isPresent()) {
            RuleCondition.Traffic traffic = rate.traffic().get();
            Set<String> series = matching(traffic.requests(), result);
            series.removeIf(key -> !result.readings().containsKey(traffic.errors().readingOf(key)));
            return series;
        }
        if (condition instanceof RuleCondition.ErrorRate || condition instanceof RuleCondition.Latency) {
            return result.outcome().isObservation() ? new LinkedHashSet<>(Set.of(PROBES)) : new LinkedHashSet<>();
        }
        return matching(reading(condition), result);
    }

    /** A fresh judge for one series. */
    public static SeriesJudge forSeries(RuleCondition condition, String series) {
        if (condition instanceof RuleCondition.ErrorRate rate) {
            return new ErrorRateJudge(rate, series);
        }
        if (condition instanceof RuleCondition.Latency latency) {
            return new LatencyJudge(latency);
        }
        if (condition instanceof RuleCondition.Baseline baseline) {
            return new BaselineJudge(baseline, series);
        }
        if (condition instanceof RuleCondition.ReadingLimit limit) {
            return new LimitJudge(limit, series);
        }
        return new ExhaustionJudge((RuleCondition.Exhaustion) condition, series);
    }

    private static ReadingPattern reading(RuleCondition condition) {
        if (condition instanceof RuleCondition.Baseline baseline) {
            return baseline.reading();
        }
        if (condition instanceof RuleCondition.ReadingLimit limit) {
            return limit.reading();
        }
        return ((RuleCondition.Exhaustion) condition).reading();
    }

    private static Set<String> matching(ReadingPattern pattern, ProbeResult result) {
        Set<String> series = new LinkedHashSet<>();
        for (String name : result.readings().keySet()) {
            pattern.seriesOf(name).ifPresent(series::add);
        }
        return series;
    }
}
