package io.sentinel.breaker;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Instant;
import java.util.Objects;

/**
 * A circuit breaker changed state.
 *
 * @param dependency the dependency whose breaker it is
 * @param from       the state left
 * @param to         the state entered
 * @param at         when
 * @param reason     why, for people: the failure rate that opened it, or the operator's reason
 * @param actor      {@link #AUTOMATIC} or {@link #OPERATOR}
 */
public record BreakerTransition(String dependency, CircuitBreaker.State from, CircuitBreaker.State to, Instant at,
                                String reason, String actor) {

    public static final String AUTOMATIC = "breaker";
    public static final String OPERATOR = "operator";

    public BreakerTransition {
        Objects.requireNonNull(dependency, "dependency");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        reason = reason == null ? "" : reason;
        Objects.requireNonNull(actor, "actor");
    }

    /** True when the dependency stops being called. */
    public boolean disables() {
        return isOpen(to) && !isOpen(from) && from != CircuitBreaker.State.HALF_OPEN;
    }

    /** True when calls resume after the dependency was disabled. */
    public boolean reEnables() {
        return to == CircuitBreaker.State.CLOSED && (isOpen(from) || from == CircuitBreaker.State.HALF_OPEN);
    }

    static boolean isOpen(CircuitBreaker.State state) {
        return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
    }
}
