package io.sentinel.breaker;

import io.sentinel.probe.ProbeResult;

/**
 * Thrown inside the circuit breaker for a probe that did not call the dependency (no credentials, budget
 * spent). The breakers ignore it: it is neither a success nor a failure of the dependency.
 */
public final class NotCounted extends RuntimeException {

    private final transient ProbeResult result;

    public NotCounted(ProbeResult result) {
        super(result.checkId() + " skipped", null, false, false);
        this.result = result;
    }

    public ProbeResult result() {
        return result;
    }
}
