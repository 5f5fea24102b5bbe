package io.sentinel.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckIndex;
import io.sentinel.probe.ProbeExchange;
import io.sentinel.probe.ProbeResult;
import io.sentinel.rules.CheckStates;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Processor;

/**
 * Prometheus meters for probes and check states. The per-check series (durations, results, states) are written
 * from plain per-check figures when Prometheus scrapes ({@link ProbeTallies}, {@link CheckStateMetrics}), not kept
 * as Micrometer meters: at ten thousand checks those were some fifty thousand meters with their identifiers and
 * tags. Per-dependency meters are created once and cached, because every probe records into them.
 *
 * <ul>
 *   <li>{@code sentinel_probe_duration_seconds{check,dependency}}: probe latency (count, sum, max)</li>
 *   <li>{@code sentinel_dependency_probe_duration_seconds{dependency}}: probe latency in a few SLO buckets</li>
 *   <li>{@code sentinel_probe_results_total{check,dependency,outcome,failure_class}}</li>
 *   <li>{@code sentinel_check_state{check,dependency,state}}: 1 for the current state, 0 for the others, read from
 *       the check states when scraped ({@link CheckStateMetrics})</li>
 *   <li>{@code sentinel_schedule_lag_seconds}: how late a probe started against its schedule</li>
 *   <li>{@code sentinel_reading{check,dependency,name}}: the latest value of each reading (credits left …)</li>
 *   <li>{@code sentinel_probe_cost_usd_total{dependency}}: what paid probes cost</li>
 * </ul>
 */
public final class ProbeMetrics implements Processor {

    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;
    private final Map<String, Timer> dependencyDurations = new ConcurrentHashMap<>();
    private final Map<String, Double> latestReadings = new ConcurrentHashMap<>();
    private final Map<String, Counter> costs = new ConcurrentHashMap<>();
    private final CheckStateMetrics stateMetrics;
    private final ProbeTallies tallies = new ProbeTallies(System::nanoTime);

    public ProbeMetrics(PrometheusMeterRegistry registry, CheckIndex checks, CheckStates states) {
        this.registry = registry;
        this.stateMetrics = new CheckStateMetrics(states, checks.checks());
        registry.getPrometheusRegistry().register(stateMetrics);
        registry.getPrometheusRegistry().register(tallies);
    }

    /**
     * The checks whose series are shown, at start and after a configuration change applied while running: a
     * removed check's series end.
     */
    public void watch(Collection<CheckConfig> configured) {
        stateMetrics.watch(configured);
        tallies.retain(configured.stream().map(CheckConfig::id).toList());
    }

    /** The results route's step: the exchange's result counted; the body stays as it is. */
    @Override
    public void process(Exchange exchange) {
        record(ProbeExchange.check(exchange), ProbeExchange.result(exchange));
    }

    public ProbeResult record(@ExchangeProperty(ProbeExchange.CHECK) CheckConfig check, @Body ProbeResult result) {
        // per check: count, sum and max only; the buckets are per dependency, so ten thousand checks do not
        // mean a hundred thousand bucket series on every scrape
        tallies.record(result);
        dependencyDurations.computeIfAbsent(result.dependency(), dependency ->
                        Timer.builder("sentinel.dependency.probe.duration")
                                .description("How long probes of a dependency's checks take, in SLO buckets")
                                .tags("dependency", dependency)
                                .serviceLevelObjectives(LATENCY_BUCKETS)
                                .register(registry))
                .record(result.latency());
        recordReadings(result);
        return result;
    }

    private void recordReadings(ProbeResult result) {
        result.readings().forEach((name, value) -> {
            String key = result.checkId() + '|' + name;
            if (latestReadings.put(key, value) == null) {
                Gauge.builder("sentinel.reading", latestReadings, readings -> readings.getOrDefault(key, Double.NaN))
                        .description("The latest value of a reading (credits left, rows, cost …)")
                        .tags("check", result.checkId(), "dependency", result.dependency(), "name", name)
                        .register(registry);
            }
        });
        Double cost = result.readings().get("cost.usd");
        if (cost != null) {
            costs.computeIfAbsent(result.dependency(), dependency -> Counter.builder("sentinel.probe.cost.usd")
                            .description("What paid probes cost, in US dollars")
                            .tag("dependency", dependency)
                            .register(registry))
                    .increment(cost);
        }
    }

}
