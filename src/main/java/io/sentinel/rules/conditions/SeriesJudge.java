package io.sentinel.rules.conditions;

import io.sentinel.probe.ProbeResult;
import java.time.Instant;

/**
 * The state one rule keeps about one series (the check's probes, or one reading such as one edge function's
 * traffic), in memory of a fixed size: what it needs of each result, and its judgement.
 */
public interface SeriesJudge {

    /** Takes what the result says about this series; {@code at} is when the probe finished. */
    void observe(ProbeResult result, Instant at);

    /** Whether the condition holds at {@code at}, after the results observed so far. */
    Judgement judge(Instant at);

    /** True when it holds nothing that could still count at {@code at}: a series that went away can be forgotten. */
    boolean isIdle(Instant at);

    /** For a balance watched for running out: its name and how long until it reaches zero at its current rate. */
    default java.util.Optional<java.util.Map.Entry<String, java.time.Duration>> timeUntilExhausted() {
        return java.util.Optional.empty();
    }
}
