package io.sentinel.rules.conditions;

import io.sentinel.config.Durations;
import io.sentinel.config.RuleCondition;
import io.sentinel.probe.ProbeResult;
import java.time.Instant;

/**
 * A latency percentile of the check's probes over a sliding window, above a limit. It keeps no latencies, only
 * how many probes took longer than the limit: the p-th percentile (nearest rank) of n probes is above the limit
 * exactly when more than {@code n - ceil(p/100 * n)} of them are. Every probe that reached a verdict counts, a
 * timeout as the slowest.
 */
final class LatencyJudge implements SeriesJudge {

    private final RuleCondition.Latency condition;
    private final TimeBuckets window;

    LatencyJudge(RuleCondition.Latency condition) {
        this.condition = condition;
        this.window = new TimeBuckets(condition.window());
    }

    @Override
    public void observe(ProbeResult result, Instant at) {
        if (result.outcome().isObservation()) {
            window.add(at, result.latency().compareTo(condition.limit()) > 0 ? 1 : 0, 1);
        }
    }

    @Override
    public Judgement judge(Instant at) {
        TimeBuckets.Counts counts = window.counts(at);
        String percentile = "p" + Wording.percent(condition.percentile());
        String limit = Durations.format(condition.limit());
        String seen = counts.counted() + " of " + counts.total() + " probes took longer than " + limit + " over "
                + Durations.format(condition.window());
        if (counts.total() < condition.minimumSamples()) {
            return Judgement.clear(seen + ", fewer probes than the " + condition.minimumSamples() + " needed to judge");
        }
        long percentileMilli = Math.round(condition.percentile() * 1000);
        long rank = (counts.total() * percentileMilli + 99_999) / 100_000;
        boolean above = counts.counted() > counts.total() - rank;
        return above ? Judgement.holds(seen + ", so " + percentile + " is above " + limit)
                : Judgement.clear(seen + ", so " + percentile + " is within " + limit);
    }

    @Override
    public boolean isIdle(Instant at) {
        return window.counts(at).total() == 0;
    }
}
