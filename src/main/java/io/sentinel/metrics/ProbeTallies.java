package io.sentinel.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.sentinel.probe.ProbeResult;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The per-check probe series, written out when Prometheus scrapes from one {@link ProbeTally} per check:
 * <ul>
 *   <li>{@code sentinel_probe_duration_seconds{check,dependency}}: count and sum, and
 *       {@code sentinel_probe_duration_seconds_max}, the longest probe of the last one to two minutes</li>
 *   <li>{@code sentinel_probe_results_total{check,dependency,outcome,failure_class}}</li>
 * </ul>
 * The same names, labels and types Micrometer's timer and counters gave them.
 */
final class ProbeTallies implements MultiCollector {

    static final String DURATION = "sentinel_probe_duration_seconds";
    static final String DURATION_MAX = "sentinel_probe_duration_seconds_max";
    static final String RESULTS = "sentinel_probe_results";
    private static final String DURATION_HELP = "How long probes take";
    private static final String RESULTS_HELP = "Probe results by outcome and failure class";

    private final Map<String, ProbeTally> byCheck = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    ProbeTallies(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    void record(ProbeResult result) {
        long now = nanoTime.getAsLong();
        ProbeTally tally = byCheck.get(result.checkId());
        if (tally == null || !tally.dependency().equals(result.dependency())) {
            // a check moved to another dependency starts a series of its own, as a new meter would
            tally = byCheck.compute(result.checkId(), (id, known) -> known != null
                    && known.dependency().equals(result.dependency()) ? known : new ProbeTally(id, result.dependency(), now));
        }
        tally.record(result.latency().toNanos(), result.outcome(), result.failureClass(), now);
    }

    /** Forgets the checks no longer configured, so their series end and their memory is given back. */
    void retain(Collection<String> configuredCheckIds) {
        Set<String> kept = Set.copyOf(configuredCheckIds);
        byCheck.keySet().retainAll(kept);
    }

    @Override
    public MetricSnapshots collect() {
        long now = nanoTime.getAsLong();
        SummarySnapshot.Builder durations = SummarySnapshot.builder().name(DURATION).help(DURATION_HELP);
        GaugeSnapshot.Builder longest = GaugeSnapshot.builder().name(DURATION_MAX).help(DURATION_HELP);
        CounterSnapshot.Builder results = CounterSnapshot.builder().name(RESULTS).help(RESULTS_HELP);
        for (ProbeTally tally : byCheck.values()) {
            ProbeTally.Figures figures = tally.read(now);
            Labels labels = Labels.of("check", tally.checkId(), "dependency", tally.dependency());
            durations.dataPoint(SummaryDataPointSnapshot.builder()
                    .count(figures.probes()).sum(figures.totalSeconds()).labels(labels).build());
            longest.dataPoint(GaugeDataPointSnapshot.builder().value(figures.maxSeconds()).labels(labels).build());
            for (int i = 0; i < figures.resultKinds().length; i++) {
                int kind = figures.resultKinds()[i];
                results.dataPoint(CounterDataPointSnapshot.builder()
                        .value(figures.resultCounts()[i])
                        .labels(labels.add("failure_class", ProbeTally.Figures.failureClass(kind))
                                .add("outcome", ProbeTally.Figures.outcome(kind)))
                        .build());
            }
        }
        return MetricSnapshots.of(durations.build(), longest.build(), results.build());
    }

    @Override
    public List<String> getPrometheusNames() {
        return List.of(DURATION, DURATION_MAX, RESULTS);
    }

    /** The checks with a tally now (for tests). */
    Set<String> checks() {
        return byCheck.keySet().stream().collect(Collectors.toUnmodifiableSet());
    }
}
