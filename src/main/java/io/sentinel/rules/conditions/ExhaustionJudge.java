package io.sentinel.rules.conditions;

import io.sentinel.config.Durations;
import io.sentinel.config.RuleCondition;
import io.sentinel.probe.ProbeResult;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A balance whose own trend reaches zero sooner than allowed, unless the allowance resets first. The trend
 * keeps one value per ten minutes over a week (at most 1,009 samples, about 24 KiB).
 */
final class ExhaustionJudge extends ReadingJudge {

    private final RuleCondition.Exhaustion condition;
    private final ReadingTrend trend = new ReadingTrend();
    private Double resetDays;

    private final String reading;

    ExhaustionJudge(RuleCondition.Exhaustion condition, String series) {
        super(condition.reading().readingOf(series), condition.lookback());
        this.condition = condition;
        this.reading = condition.reading().readingOf(series);
    }

    @Override
    public java.util.Optional<java.util.Map.Entry<String, java.time.Duration>> timeUntilExhausted() {
        return trend.timeUntilZero().map(left -> java.util.Map.entry(reading, left));
    }

    @Override
    protected void take(ProbeResult result, double value, Instant at) {
        trend.add(at, value);
        resetDays = condition.resetReading().map(name -> result.readings().get(name)).orElse(null);
    }

    @Override
    protected Judgement judge(double latest, Instant at) {
        Optional<Duration> left = trend.timeUntilZero();
        String within = Durations.format(condition.within());
        if (left.isEmpty()) {
            return Judgement.clear(reading + " (" + Wording.number(latest) + ") is not falling, or has too little history to tell");
        }
        String runsOut = reading + " (" + Wording.number(latest) + ") runs out in about "
                + Durations.format(left.get().truncatedTo(ChronoUnit.HOURS)) + " at the current rate";
        if (resetDays != null && left.get().toHours() / 24.0 > resetDays) {
            return Judgement.clear(runsOut + ", after it resets in " + Wording.number(resetDays) + " days");
        }
        return left.get().compareTo(condition.within()) < 0 ? Judgement.holds(runsOut + ", sooner than " + within)
                : Judgement.clear(runsOut + ", not sooner than " + within);
    }
}
