package io.sentinel.breaker;

import io.sentinel.probe.ProbeResult;

/**
 * Thrown inside the circuit breaker when Sentinel's verdict on a probe is a failure. The breaker counts
 * exceptions, not verdicts, so this is how a 200 carrying {@code REQUEST_DENIED} counts like a 500. The
 * result travels with it and the fallback hands it on unchanged.
 */
public final class CountedFailure extends RuntimeException {

    private final transient ProbeResult result;

    public CountedFailure(ProbeResult result) {
        super(result.checkId() + " failed: " + result.failureClass(), null, false, false);
        this.result = result;
    }

    public ProbeResult result() {
        return result;
    }
}
