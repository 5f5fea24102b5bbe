package io.sentinel.rules.conditions;

import io.sentinel.config.Durations;
import io.sentinel.config.RuleCondition;
import io.sentinel.probe.ProbeResult;
import java.time.Instant;
import java.util.Optional;

/**
 * A reading against the median of its own history. Silent until the history is long enough (see
 * {@link ValueHistory#medianBefore}), and when the median is zero, of which no share means anything.
 */
final class BaselineJudge extends ReadingJudge {

    private final RuleCondition.Baseline condition;
    private final ValueHistory history;

    BaselineJudge(RuleCondition.Baseline condition, String series) {
        super(condition.reading().readingOf(series), condition.lookback());
        this.condition = condition;
        this.history = new ValueHistory(condition.period());
    }

    @Override
    protected void take(ProbeResult result, double value, Instant at) {
        history.add(at, value);
    }

    @Override
    protected Judgement judge(double latest, Instant at) {
        String period = Durations.format(condition.period());
        String seen = reading + " is " + Wording.number(latest);
        Optional<Double> median = history.medianBefore(at);
        if (median.isEmpty()) {
            return Judgement.clear(seen + "; not enough history for a " + period + " baseline yet (" + history.extent(at) + ")");
        }
        if (median.get() <= 0) {
            return Judgement.clear(seen + "; its " + period + " median is " + Wording.number(median.get())
                    + ", of which no share says anything");
        }
        double percent = 100 * latest / median.get();
        String compared = seen + ", " + Math.round(percent) + "% of its " + period + " median " + Wording.number(median.get());
        String limit = condition.comparison().word() + " " + Wording.percent(condition.percent()) + "%";
        return condition.comparison().holds(percent, condition.percent()) ? Judgement.holds(compared + ", " + limit)
                : Judgement.clear(compared + ", not " + limit);
    }
}
