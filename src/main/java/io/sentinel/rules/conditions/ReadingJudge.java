package io.sentinel.rules.conditions;

import io.sentinel.probe.ProbeResult;
import java.time.Duration;
import java.time.Instant;

/**
 * What every judge of one reading shares: the reading's newest value and when it came, and silence until there
 * is one. The kinds judge that value, each against what it keeps besides.
 */
abstract class ReadingJudge implements SeriesJudge {

    protected final String reading;
    private final Duration lookback;
    private Double latest;
    private Instant latestAt;

    ReadingJudge(String reading, Duration lookback) {
        this.reading = reading;
        this.lookback = lookback;
    }

    @Override
    public final void observe(ProbeResult result, Instant at) {
        Double value = result.readings().get(reading);
        if (value != null) {
            latest = value;
            latestAt = at;
            take(result, value, at);
        }
    }

    @Override
    public final Judgement judge(Instant at) {
        return latest == null ? Judgement.clear("no value of " + reading + " yet") : judge(latest, at);
    }

    /** A reading not seen for its rule's whole lookback is gone (a function deleted, a provider removed). */
    @Override
    public final boolean isIdle(Instant at) {
        return latestAt == null || latestAt.plus(lookback).isBefore(at);
    }

    /** What the kind keeps of a new value, besides the value itself. */
    protected void take(ProbeResult result, double value, Instant at) {
    }

    /** The judgement of the newest value. */
    protected abstract Judgement judge(double latest, Instant at);
}
