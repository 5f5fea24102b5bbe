package io.sentinel.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.probe.Outcome;
import io.sentinel.results.LatencySample;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatencySeriesTest {

    private static final Instant FROM = Instant.parse("2026-11-26T09:00:00Z");

    @Test
    void aMinuteIsItsSlowestProbeAndWorstOutcomeAndSkipsAreNotLatency() {
        Map<String, List<LatencySeries.Point>> series = LatencySeries.of(List.of("site", "auth", "quiet"), List.of(
                sample("site", 5, 120, Outcome.UP),
                sample("site", 35, 900, Outcome.DEGRADED),
                sample("site", 50, 80, Outcome.UP),
                sample("site", 61, 10_000, Outcome.DOWN),
                sample("site", 62, 95, Outcome.UP),
                sample("auth", 3_599, 40, Outcome.UP),
                sample("auth", 200, 0, Outcome.SKIPPED),
                sample("removed-check", 10, 50, Outcome.UP),
                sample("site", -5, 70, Outcome.UP)), FROM);

        assertThat(series).containsOnlyKeys("site", "auth", "quiet");
        assertThat(series.get("site")).containsExactly(new LatencySeries.Point(0, 900, Outcome.DEGRADED),
                new LatencySeries.Point(60, 10_000, Outcome.DOWN));
        assertThat(series.get("auth")).containsExactly(new LatencySeries.Point(3_540, 40, Outcome.UP));
        assertThat(series.get("quiet")).isEmpty();
        assertThat(series.get("site").get(1).asJson()).containsExactly(60L, 10_000L, "DOWN");
    }

    private static LatencySample sample(String check, long second, long millis, Outcome outcome) {
        return new LatencySample(check, FROM.plusSeconds(second), millis, outcome);
    }
}
