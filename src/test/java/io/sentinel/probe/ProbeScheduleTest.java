package io.sentinel.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbeScheduleTest {

    @Test
    void checksWithTheSameIntervalNeverShareAFirstProbeTimeEvenWhenCrowded() {
        List<CheckConfig> checks = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            checks.add(CheckConfig.builder("check-" + i, "api", "http", new CheckOptions() { })
                    .interval(Duration.ofMillis(200)).build());
        }

        Map<String, Duration> delays = ProbeSchedule.initialDelays(checks);

        assertThat(new HashSet<>(delays.values())).hasSize(300);
    }

    @Test
    void firstProbesAreSpreadOverTheIntervalButNoMoreThanTenSeconds() {
        CheckConfig hourly = CheckConfig.builder("hourly", "api", "http", new CheckOptions() { }).interval(Duration.ofHours(1)).build();

        Duration delay = ProbeSchedule.initialDelays(List.of(hourly)).get("hourly");

        assertThat(delay).isLessThan(Duration.ofSeconds(10)).isGreaterThanOrEqualTo(Duration.ZERO);
        assertThat(ProbeSchedule.initialDelays(List.of(hourly)).get("hourly")).as("stable across starts").isEqualTo(delay);
    }
}
