package io.sentinel.rules.conditions;

import io.sentinel.config.RuleCondition;
import java.time.Instant;

/** A reading's newest value against a fixed limit. */
final class LimitJudge extends ReadingJudge {

    private final RuleCondition.ReadingLimit condition;

    LimitJudge(RuleCondition.ReadingLimit condition, String series) {
        super(condition.reading().readingOf(series), condition.lookback());
        this.condition = condition;
    }

    @Override
    protected Judgement judge(double latest, Instant at) {
        String seen = reading + " is " + Wording.number(latest);
        String limit = condition.comparison().word() + " " + Wording.number(condition.limit());
        return condition.comparison().holds(latest, condition.limit()) ? Judgement.holds(seen + ", " + limit)
                : Judgement.clear(seen + ", not " + limit);
    }
}
