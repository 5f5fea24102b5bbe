package io.sentinel.metrics;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.sentinel.config.CheckConfig;
import io.sentinel.model.HealthState;
import io.sentinel.rules.CheckStates;
import java.util.Collection;
import java.util.List;

/**
 * {@code sentinel_check_state{check,dependency,state}}: 1 for the state a check is in, 0 for the others, read from
 * the check states when Prometheus scrapes. Nothing is kept per check between scrapes but the configured list, where
 * a gauge object per check and state cost ten thousand checks forty thousand meters and their identifiers.
 */
public final class CheckStateMetrics implements Collector {

    static final String NAME = "sentinel_check_state";
    private static final String HELP = "1 when the check is in this state";
    private static final HealthState[] STATES = HealthState.values();

    private final CheckStates states;
    private volatile List<CheckConfig> checks;

    public CheckStateMetrics(CheckStates states, Collection<CheckConfig> checks) {
        this.states = states;
        this.checks = List.copyOf(checks);
    }

    /** The checks configured now, at start and after a configuration change applied while running. */
    public void watch(Collection<CheckConfig> configured) {
        this.checks = List.copyOf(configured);
    }

    @Override
    public MetricSnapshot collect() {
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(NAME).help(HELP);
        for (CheckConfig check : checks) {
            HealthState current = states.state(check.id()).state();
            for (HealthState state : STATES) {
                gauge.dataPoint(GaugeDataPointSnapshot.builder()
                        .value(state == current ? 1 : 0)
                        .labels(Labels.of("check", check.id(), "dependency", check.dependency(), "state", state.name()))
                        .build());
            }
        }
        return gauge.build();
    }

    @Override
    public String getPrometheusName() {
        return NAME;
    }
}
