package io.sentinel.breaker;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Instant;
import java.util.Objects;

/**
 * What survives a restart of one breaker.
 *
 * @param dependency the dependency
 * @param state      its state when last changed
 * @param since      when it entered that state
 * @param openUntil  for OPEN: when the first trial probe may run; else null
 * @param incidentId the alert incident opened with the breaker, while it is not CLOSED; else null
 */
public record StoredBreaker(String dependency, CircuitBreaker.State state, Instant since, Instant openUntil,
                            String incidentId) {

    public StoredBreaker {
        Objects.requireNonNull(dependency, "dependency");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
    }
}
