package io.sentinel.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckOptions;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.ProbeResult;
import io.sentinel.rules.CheckState;
import io.sentinel.rules.CheckStateRepository;
import io.sentinel.rules.CheckStates;
import io.sentinel.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The per-check series written when scraped keep the names, labels and types operators and dashboards use, and
 * end with the check.
 */
class PerCheckSeriesTest {

    private final MutableClock clock = MutableClock.at("2026-12-02T18:00:00Z");
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final CheckConfig api = check("api-health", "api");
    private final CheckConfig cdn = check("cdn-home", "cdn");
    private final Map<String, CheckConfig> checks = Map.of(api.id(), api, cdn.id(), cdn);
    private final CheckStates states = new CheckStates(id -> Optional.ofNullable(checks.get(id)), new CheckStateRepository() {
        @Override
        public Map<String, CheckState> loadAll() {
            return Map.of();
        }

        @Override
        public void saveLater(CheckState state) {
        }
    }, clock);
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void durationsAndResultsAreSeriesPerCheckWithTheirLabels() {
        ProbeTallies tallies = new ProbeTallies(nanos::get);
        registry.getPrometheusRegistry().register(tallies);

        tallies.record(result(api, 120).up("ok"));
        tallies.record(result(api, 80).up("ok"));
        tallies.record(result(api, 300).down(FailureClass.TIMEOUT, "timed out"));

        assertThat(registry.scrape())
                .contains("# TYPE sentinel_probe_duration_seconds summary")
                .contains("sentinel_probe_duration_seconds_count{check=\"api-health\",dependency=\"api\"} 3")
                .contains("sentinel_probe_duration_seconds_sum{check=\"api-health\",dependency=\"api\"} 0.5")
                .contains("sentinel_probe_duration_seconds_max{check=\"api-health\",dependency=\"api\"} 0.3")
                .contains("# TYPE sentinel_probe_results_total counter")
                .contains("sentinel_probe_results_total{check=\"api-health\",dependency=\"api\",failure_class=\"none\","
                        + "outcome=\"UP\"} 2.0")
                .contains("sentinel_probe_results_total{check=\"api-health\",dependency=\"api\",failure_class=\"TIMEOUT\","
                        + "outcome=\"DOWN\"} 1.0");
    }

    @Test
    void theLongestProbeShowsForOneToTwoMinutes() {
        ProbeTallies tallies = new ProbeTallies(nanos::get);
        registry.getPrometheusRegistry().register(tallies);
        tallies.record(result(api, 900).up("slow"));

        nanos.addAndGet(ProbeTally.MAX_WINDOW_NANOS);
        tallies.record(result(api, 100).up("ok"));
        assertThat(registry.scrape()).contains("sentinel_probe_duration_seconds_max{check=\"api-health\",dependency=\"api\"} 0.9");

        nanos.addAndGet(ProbeTally.MAX_WINDOW_NANOS);
        assertThat(registry.scrape()).contains("sentinel_probe_duration_seconds_max{check=\"api-health\",dependency=\"api\"} 0.1");

        nanos.addAndGet(2 * ProbeTally.MAX_WINDOW_NANOS);
        assertThat(registry.scrape())
                .contains("sentinel_probe_duration_seconds_max{check=\"api-health\",dependency=\"api\"} 0.0")
                .as("the count and sum never decay")
                .contains("sentinel_probe_duration_seconds_count{check=\"api-health\",dependency=\"api\"} 2");
    }

    @Test
    void aRemovedCheckLosesItsSeries() {
        ProbeTallies tallies = new ProbeTallies(nanos::get);
        registry.getPrometheusRegistry().register(tallies);
        tallies.record(result(api, 10).up("ok"));
        tallies.record(result(cdn, 10).up("ok"));

        tallies.retain(List.of(api.id()));

        assertThat(registry.scrape()).contains("check=\"api-health\"").doesNotContain("check=\"cdn-home\"");
    }

    @Test
    void everyCheckHasOneStateSeriesAtOneAndTheOthersAtZero() {
        CheckStateMetrics stateMetrics = new CheckStateMetrics(states, List.of(api, cdn));
        registry.getPrometheusRegistry().register(stateMetrics);
        states.evaluate(api, result(api, 10).down(FailureClass.CONNECT, "refused"));

        String scraped = registry.scrape();

        assertThat(scraped)
                .contains("# TYPE sentinel_check_state gauge")
                .contains("sentinel_check_state{check=\"api-health\",dependency=\"api\",state=\"DOWN\"} 1.0")
                .contains("sentinel_check_state{check=\"api-health\",dependency=\"api\",state=\"UP\"} 0.0")
                .contains("sentinel_check_state{check=\"cdn-home\",dependency=\"cdn\",state=\"UNKNOWN\"} 1.0");

        stateMetrics.watch(List.of(api));
        assertThat(registry.scrape()).doesNotContain("check=\"cdn-home\"");
    }

    private ProbeResult.Builder result(CheckConfig check, long latencyMillis) {
        return ProbeResult.of(check.id(), check.dependency(), clock.instant()).latency(Duration.ofMillis(latencyMillis));
    }

    private static CheckConfig check(String id, String dependency) {
        return CheckConfig.builder(id, dependency, "http", new CheckOptions() { }).thresholds(1, 1).build();
    }
}
