package io.sentinel.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sentinel.kamelet.RefusedResults;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code sentinel_route_results_refused_total{reason}}: results from operators' routes that named no configured
 * check. The reason, not the check id, is the label: an id nobody configured must not become a new series.
 */
public final class RouteResultMetrics implements RefusedResults {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public RouteResultMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void refused(String reason) {
        counters.computeIfAbsent(reason, name -> Counter.builder("sentinel.route.results.refused")
                        .description("Results from operators' routes refused because they name no configured check")
                        .tag("reason", name)
                        .register(registry))
                .increment();
    }
}
