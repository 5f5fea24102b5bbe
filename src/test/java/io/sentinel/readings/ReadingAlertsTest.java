package io.sentinel.readings;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.config.AlertsConfig;
import io.sentinel.config.BreakerSettings;
import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckDefaults;
import io.sentinel.config.CheckIndex;
import io.sentinel.config.CheckOptions;
import io.sentinel.config.DependencyConfig;
import io.sentinel.config.ReadingAlert;
import io.sentinel.config.SentinelConfig;
import io.sentinel.config.ServerConfig;
import io.sentinel.config.Severity;
import io.sentinel.config.StorageConfig;
import io.sentinel.probe.ProbeResult;
import io.sentinel.results.ResultHistory;
import io.sentinel.secret.Secret;
import io.sentinel.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadingAlertsTest {

    private final MutableClock clock = MutableClock.at("2026-11-26T00:00:00Z");
    private final List<AlertEvent> alerts = new ArrayList<>();
    private CheckConfig check;

    @Test
    void aReadingBelowItsLimitFiresOnceAndResolvesWhenItRecovers() {
        ReadingAlerts readings = readings(new ReadingAlert("searches.remaining", Optional.of(100.0), Optional.empty(),
                Optional.empty(), Optional.empty(), Severity.MEDIUM));

        feed(readings, result(Map.of("searches.remaining", 250.0)));
        feed(readings, result(Map.of("searches.remaining", 80.0)));
        feed(readings, result(Map.of("searches.remaining", 60.0)));
        feed(readings, result(Map.of("searches.remaining", 2000.0)));

        assertThat(alerts).extracting(AlertEvent::status).containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);
        assertThat(alerts.get(0).reason()).isEqualTo("searches.remaining is 80, below 100");
        assertThat(alerts.get(0).severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void aBalanceThatRunsOutWithinTheWindowAtItsCurrentRateFires() {
        ReadingAlerts readings = readings(new ReadingAlert("credits.remaining", Optional.empty(), Optional.empty(),
                Optional.of(Duration.ofDays(7)), Optional.empty(), Severity.HIGH));

        for (int hour = 0; hour < 6; hour++) {
            feed(readings, result(Map.of("credits.remaining", 1_000.0 - hour * 10)));
            clock.advance(Duration.ofHours(1));
        }

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(Severity.HIGH);
            assertThat(alert.reason()).isEqualTo("credits.remaining (980) runs out in about 4d2h at the current rate, sooner than 7d");
        });
    }

    @Test
    void theTimeUntilAWatchedBalanceRunsOutIsGivenOnlyOnceThereIsATrend() {
        ReadingAlerts readings = readings(new ReadingAlert("credits.remaining", Optional.empty(), Optional.empty(),
                Optional.of(Duration.ofDays(7)), Optional.empty(), Severity.HIGH));

        feed(readings, result(Map.of("credits.remaining", 1_000.0)));
        assertThat(readings.timeUntilExhausted(check)).as("one sample is no trend").isEmpty();

        for (int hour = 1; hour < 6; hour++) {
            clock.advance(Duration.ofHours(1));
            feed(readings, result(Map.of("credits.remaining", 1_000.0 - hour * 10)));
        }

        assertThat(readings.timeUntilExhausted(check)).containsOnlyKeys("credits.remaining");
        assertThat(readings.timeUntilExhausted(check).get("credits.remaining")).isEqualTo(Duration.ofHours(95));
    }

    @Test
    void aBalanceThatResetsBeforeItRunsOutIsNoProblem() {
        ReadingAlerts readings = readings(new ReadingAlert("credits.remaining", Optional.empty(), Optional.empty(),
                Optional.of(Duration.ofDays(7)), Optional.of("reset.days"), Severity.HIGH));

        for (int hour = 0; hour < 6; hour++) {
            feed(readings, result(Map.of("credits.remaining", 1_000.0 - hour * 10, "reset.days", 2.0)));
            clock.advance(Duration.ofHours(1));
        }

        assertThat(alerts).isEmpty();
    }

    @Test
    void aSteadyBalanceNeverFires() {
        ReadingAlerts readings = readings(new ReadingAlert("credits.remaining", Optional.empty(), Optional.empty(),
                Optional.of(Duration.ofDays(7)), Optional.empty(), Severity.HIGH));

        for (int hour = 0; hour < 12; hour++) {
            feed(readings, result(Map.of("credits.remaining", 500.0)));
            clock.advance(Duration.ofHours(1));
        }

        assertThat(alerts).isEmpty();
    }

    private ReadingAlerts readings(ReadingAlert rule) {
        CheckConfig check = CheckConfig.builder("hunter-account", "hunter", "hunter", new CheckOptions() { })
                .readingAlerts(List.of(rule)).build();
        this.check = check;
        ReadingAlerts readings = new ReadingAlerts(new ResultHistory() {
            @Override
            public List<ProbeResult> history(String checkId, int limit) {
                return List.of();
            }

            @Override
            public Map<String, ProbeResult> latestPerCheck() {
                return Map.of();
            }

            @Override
            public List<io.sentinel.results.LatencySample> latenciesSince(java.time.Instant from, int limit) {
                return List.of();
            }
        }, clock);
        return readings;
    }

    private void feed(ReadingAlerts readings, ProbeResult result) {
        alerts.addAll(readings.apply(check, result));
    }

    private ProbeResult result(Map<String, Double> values) {
        return ProbeResult.of("hunter-account", "hunter", clock.instant()).readings(values).up("account");
    }
}
