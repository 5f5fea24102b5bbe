package io.sentinel.probe;

import java.time.Duration;
import java.util.Optional;

/** A check's {@code latencyLimit}: an answer that proves the dependency works but took too long is DEGRADED. */
public final class LatencyLimit {

    private LatencyLimit() {
    }

    public static ProbeResult apply(ProbeResult result, Optional<Duration> limit) {
        if (result.outcome() != Outcome.UP || limit.isEmpty() || result.latency().compareTo(limit.get()) <= 0) {
            return result;
        }
        String context = result.message().isEmpty() ? "" : " (" + result.message() + ")";
        return result.withOutcome(Outcome.DEGRADED, null, "latency " + Latencies.format(result.latency())
                + " above the " + Latencies.format(limit.get()) + " limit" + context);
    }
}
