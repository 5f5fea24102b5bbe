package io.sentinel.breaker;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.sentinel.config.BreakerSettings;
import io.sentinel.config.DependencyConfig;
import io.sentinel.probe.ProbeResult;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One Resilience4j circuit breaker per dependency, in one shared registry. The probe route templates use
 * them through the Camel {@code circuitBreaker} EIP by bean name ({@code breaker.<dependency>}), so Camel
 * neither creates nor removes them: they outlive route restarts and carry the dependency's own name.
 *
 * <p>Every transition, automatic or ordered by an operator, reaches the registered listeners with its
 * reason; transitions made while restoring the previous run's states do not.
 */
public final class Breakers {

    public static final String BEAN_PREFIX = "breaker.";

    private final CircuitBreakerRegistry registry;
    private final Map<String, DependencyConfig> dependencies = new LinkedHashMap<>();
    private final Map<String, Instant> stateSince = new ConcurrentHashMap<>();
    private final Map<String, ProbeResult> lastFailure = new ConcurrentHashMap<>();
    private final Map<String, String> operatorReasons = new ConcurrentHashMap<>();
    private final List<Consumer<BreakerTransition>> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private volatile boolean restoring;

    public Breakers(List<DependencyConfig> dependencies, Clock clock) {
        this.clock = clock;
        this.registry = CircuitBreakerRegistry.ofDefaults();
        Instant now = clock.instant();
        for (DependencyConfig dependency : dependencies) {
            this.dependencies.put(dependency.id(), dependency);
            CircuitBreaker breaker = registry.circuitBreaker(dependency.id(), configFor(dependency.breaker(), clock));
            stateSince.put(dependency.id(), now);
            breaker.getEventPublisher().onStateTransition(event -> transitioned(dependency.id(),
                    event.getStateTransition().getFromState(), event.getStateTransition().getToState()));
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

    public void onTransition(Consumer<BreakerTransition> listener) {
        listeners.add(listener);
    }

    /** Puts each breaker back in the state the previous run left it in, without announcing anything. */
    public void restore(Map<String, StoredBreaker> stored) {
        restoring = true;
        try {
            stored.values().stream().filter(state -> dependencies.containsKey(state.dependency())).forEach(state -> {
                CircuitBreaker breaker = get(state.dependency());
                switch (state.state()) {
                    case OPEN -> breaker.transitionToOpenStateUntil(
                            state.openUntil() == null || state.openUntil().isBefore(clock.instant())
                                    ? clock.instant() : state.openUntil());
                    case FORCED_OPEN -> breaker.transitionToForcedOpenState();
                    case HALF_OPEN -> breaker.transitionToHalfOpenState();
                    default -> { }
                }
                stateSince.put(state.dependency(), state.since());
            });
        } finally {
            restoring = false;
        }
    }

    public CircuitBreakerRegistry registry() {
        return registry;
    }

    public List<String> dependencies() {
        return List.copyOf(dependencies.keySet());
    }

    public boolean has(String dependency) {
        return dependencies.containsKey(dependency);
    }

    public DependencyConfig dependency(String dependency) {
        DependencyConfig config = dependencies.get(dependency);
        if (config == null) {
            throw new IllegalArgumentException("no breaker for dependency '" + dependency + "'");
        }
        return config;
    }

    public CircuitBreaker get(String dependency) {
        dependency(dependency);
        return registry.circuitBreaker(dependency);
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
        if (get(dependency).getState() != CircuitBreaker.State.OPEN) {
            return Optional.empty();
        }
        return Optional.of(since(dependency).plus(dependency(dependency).breaker().waitInOpen()));
    }

    /** Remembers the failure that counted against a dependency, for the breaker status and its alert. */
    public void recordFailure(ProbeResult result) {
        lastFailure.put(result.dependency(), result);
    }

    public Optional<ProbeResult> lastFailure(String dependency) {
        return Optional.ofNullable(lastFailure.get(dependency));
    }

    /** Stops all calls to a dependency until an operator closes or resets its breaker. */
    public void forceOpen(String dependency, String reason) {
        operatorAction(dependency, reason, () -> get(dependency).transitionToForcedOpenState());
    }

    /** Resumes calls at once, keeping the recent probe statistics. Lifts a forced state. */
    public void close(String dependency, String reason) {
        operatorAction(dependency, reason, () -> get(dependency).transitionToClosedState());
    }

    /** Resumes calls at once and forgets the recent probe statistics. Lifts a forced state. */
    public void reset(String dependency, String reason) {
        operatorAction(dependency, reason, () -> get(dependency).reset());
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

    private void operatorAction(String dependency, String reason, Runnable transition) {
        dependency(dependency);
        operatorReasons.put(dependency, reason);
        try {
            transition.run();
        } finally {
            operatorReasons.remove(dependency);
        }
    }

    private void transitioned(String dependency, CircuitBreaker.State from, CircuitBreaker.State to) {
        Instant now = clock.instant();
        stateSince.put(dependency, now);
        if (restoring) {
            return;
        }
        String operatorReason = operatorReasons.get(dependency);
        BreakerTransition transition = operatorReason != null
                ? new BreakerTransition(dependency, from, to, now, operatorReason, BreakerTransition.OPERATOR)
                : new BreakerTransition(dependency, from, to, now, automaticReason(dependency, from, to),
                        BreakerTransition.AUTOMATIC);
        listeners.forEach(listener -> listener.accept(transition));
    }

    private String automaticReason(String dependency, CircuitBreaker.State from, CircuitBreaker.State to) {
        BreakerSettings settings = dependency(dependency).breaker();
        CircuitBreaker.Metrics metrics = get(dependency).getMetrics();
        String lastFailureText = lastFailure(dependency)
                .map(result -> "; last failure: " + result.failureClass() + " " + result.message()).orElse("");
        return switch (to) {
            case OPEN -> from == CircuitBreaker.State.HALF_OPEN
                    ? "a trial probe failed" + lastFailureText
                    : openingReason(metrics, settings) + lastFailureText;
            case HALF_OPEN -> "open for " + io.sentinel.config.Durations.format(settings.waitInOpen())
                    + "; letting " + settings.halfOpenTrials() + " trial probe(s) through";
            case CLOSED -> "trial probes succeeded";
            default -> "breaker is now " + to;
        };
    }

    private static String openingReason(CircuitBreaker.Metrics metrics, BreakerSettings settings) {
        int calls = metrics.getNumberOfBufferedCalls();
        if (metrics.getFailureRate() >= settings.failureRate()) {
            return String.format(java.util.Locale.ROOT, "%d of the last %d probes failed (%.0f%%, limit %.0f%%)",
                    metrics.getNumberOfFailedCalls(), calls, metrics.getFailureRate(), settings.failureRate());
        }
        return String.format(java.util.Locale.ROOT, "%d of the last %d probes were slower than %s (%.0f%%, limit %.0f%%)",
                metrics.getNumberOfSlowCalls(), calls, io.sentinel.config.Durations.format(settings.slowCall()),
                metrics.getSlowCallRate(), settings.slowCallRate());
    }
}
