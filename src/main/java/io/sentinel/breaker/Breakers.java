package io.sentinel.breaker;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.sentinel.config.BreakerSettings;
import io.sentinel.config.DependencyConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Resilience4j circuit breaker per dependency, in one shared registry. The probe route templates use
 * them through the Camel {@code circuitBreaker} EIP by bean name ({@code breaker.<dependency>}), so Camel
 * neither creates nor removes them: they outlive route restarts and carry the dependency's own name.
 */
public final class Breakers {

    public static final String BEAN_PREFIX = "breaker.";

    private final CircuitBreakerRegistry registry;
    private final Map<String, DependencyConfig> dependencies = new LinkedHashMap<>();
    private final Map<String, Instant> stateSince = new ConcurrentHashMap<>();
    private final Clock clock;

    public Breakers(List<DependencyConfig> dependencies, Clock clock) {
        this.clock = clock;
        this.registry = CircuitBreakerRegistry.ofDefaults();
        Instant now = clock.instant();
        for (DependencyConfig dependency : dependencies) {
            this.dependencies.put(dependency.id(), dependency);
            CircuitBreaker breaker = registry.circuitBreaker(dependency.id(), configFor(dependency.breaker(), clock));
            stateSince.put(dependency.id(), now);
            breaker.getEventPublisher().onStateTransition(event -> stateSince.put(dependency.id(), clock.instant()));
        }
    }

    static CircuitBreakerConfig configFor(BreakerSettings settings, Clock clock) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.window())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRate())
                .slowCallDurationThreshold(settings.slowCall())
                .slowCallRateThreshold(settings.slowCallRate())
                .waitDurationInOpenState(settings.waitInOpen())
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenTrials())
                // the transition happens when the next probe asks, which is exactly when a trial can run
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .ignoreException(error -> error instanceof NotCounted)
                .writableStackTraceEnabled(false)
                .clock(clock)
                .build();
    }

    public CircuitBreakerRegistry registry() {
        return registry;
    }

    public CircuitBreaker get(String dependency) {
        return registry.find(dependency)
                .orElseThrow(() -> new IllegalArgumentException("no breaker for dependency '" + dependency + "'"));
    }

    /** Bean name → breaker, for binding into Camel's registry. */
    public Map<String, CircuitBreaker> beans() {
        Map<String, CircuitBreaker> beans = new LinkedHashMap<>();
        dependencies.keySet().forEach(id -> beans.put(BEAN_PREFIX + id, get(id)));
        return beans;
    }

    public Instant since(String dependency) {
        return stateSince.getOrDefault(dependency, clock.instant());
    }

    /** When a trial probe will be let through, for an open breaker. */
    public Optional<Instant> nextTrialAt(String dependency) {
        CircuitBreaker breaker = get(dependency);
        if (breaker.getState() != CircuitBreaker.State.OPEN) {
            return Optional.empty();
        }
        return Optional.of(since(dependency).plus(dependencies.get(dependency).breaker().waitInOpen()));
    }

    /** "breaker open since T, next trial at T2", for short-circuited results. */
    public String describeOpen(String dependency) {
        Instant since = since(dependency);
        return switch (get(dependency).getState()) {
            case FORCED_OPEN -> dependency + " breaker forced open by an operator since " + since + "; not called until it is closed";
            case HALF_OPEN -> dependency + " breaker half-open since " + since + " and its trial probes are taken; not called";
            default -> dependency + " breaker open since " + since
                    + nextTrialAt(dependency).map(at -> ", next trial at " + at).orElse("") + "; not called";
        };
    }
}
