package io.sentinel.rules.conditions;

import io.sentinel.config.Durations;
import io.sentinel.config.RuleCondition;
import io.sentinel.probe.ProbeResult;
import java.time.Instant;
import java.util.Optional;

/**
 * The share of failed calls over a sliding window: the check's probes (a DOWN result failed; SKIPPED and
 * SHORT_CIRCUITED results are no calls), or real traffic counted by one series' request and error readings.
 */
final class ErrorRateJudge implements SeriesJudge {

    private final RuleCondition.ErrorRate condition;
    private final String series;
    private final TimeBuckets window;

    ErrorRateJudge(RuleCondition.ErrorRate condition, String series) {
        this.condition = condition;
        this.series = series;
        this.window = new TimeBuckets(condition.window());
    }

    @Override
    public void observe(ProbeResult result, Instant at) {
        if (condition.traffic().isEmpty()) {
            if (result.outcome().isObservation()) {
                window.add(at, result.isFailure() ? 1 : 0, 1);
            }
            return;
        }
        RuleCondition.Traffic traffic = condition.traffic().get();
        Optional<Long> requests = count(result, traffic.requests().readingOf(series));
        Optional<Long> errors = count(result, traffic.errors().readingOf(series));
        if (requests.isPresent() && errors.isPresent()) {
            window.add(at, Math.min(errors.get(), requests.get()), requests.get());
        }
    }

    @Override
    public Judgement judge(Instant at) {
        TimeBuckets.Counts counts = window.counts(at);
        String calls = condition.traffic().isPresent() ? "requests" : "probes";
        String seen = (series.isEmpty() ? "" : series + ": ") + counts.counted() + " of " + counts.total() + " " + calls
                + " failed over " + Durations.format(condition.window()) + " (" + Wording.share(counts.counted(), counts.total()) + ")";
        if (counts.total() < condition.minimumSamples()) {
            return Judgement.clear(seen + ", fewer " + calls + " than the " + condition.minimumSamples() + " needed to judge");
        }
        long percentMilli = Math.round(condition.percent() * 1000);
        // exact in whole numbers: counted / total > percent / 100
        boolean above = counts.counted() * 100_000 > counts.total() * percentMilli;
        String limit = Wording.percent(condition.percent()) + "%";
        return above ? Judgement.holds(seen + ", above " + limit) : Judgement.clear(seen + ", not above " + limit);
    }

    @Override
    public boolean isIdle(Instant at) {
        return window.counts(at).total() == 0;
    }

    /** A count reading: a whole, non-negative number (a fraction is rounded; anything else is no count). */
    private static Optional<Long> count(ProbeResult result, String reading) {
        Double value = result.readings().get(reading);
        if (value == null || value < 0 || value > Long.MAX_VALUE / 200_000) {
            return Optional.empty();
        }
        return Optional.of(Math.round(value));
    }
}
