package io.sentinel.metrics;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sentinel.breaker.BreakerTransition;
import io.sentinel.breaker.Breakers;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code sentinel_breaker_state{dependency,state}} (1 for the current state) and
 * {@code sentinel_breaker_transitions_total{dependency,from,to}}.
 */
public final class BreakerMetrics implements Consumer<BreakerTransition> {

    private static final List<CircuitBreaker.State> STATES = List.of(CircuitBreaker.State.CLOSED,
            CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN, CircuitBreaker.State.FORCED_OPEN);

    private final MeterRegistry registry;

    public BreakerMetrics(MeterRegistry registry, Breakers breakers) {
        this.registry = registry;
        for (String dependency : breakers.dependencies()) {
            CircuitBreaker breaker = breakers.get(dependency);
            for (CircuitBreaker.State state : STATES) {
                Gauge.builder("sentinel.breaker.state", breaker, b -> b.getState() == state ? 1 : 0)
                        .description("1 when the dependency's circuit breaker is in this state")
                        .tags("dependency", dependency, "state", state.name())
                        .register(registry);
            }
        }
    }

    @Override
    public void accept(BreakerTransition transition) {
        Counter.builder("sentinel.breaker.transitions")
                .description("Circuit breaker state transitions")
                .tags("dependency", transition.dependency(), "from", transition.from().name(), "to", transition.to().name())
                .register(registry)
                .increment();
    }
}
