package io.sentinel.probe;

/** What one probe found out. Only {@link #UP} and {@link #DEGRADED} are backed by a response that proves it. */
public enum Outcome {
    /** The dependency answered and every condition held. */
    UP,
    /** The dependency answered correctly but slowly, or near a limit. */
    DEGRADED,
    /** The dependency failed; {@link ProbeResult#failureClass()} says how. */
    DOWN,
    /** The probe could not run: no credentials, budget spent, maintenance. Says nothing about the dependency. */
    SKIPPED,
    /** Our own circuit breaker is open, so the dependency was deliberately not called. */
    SHORT_CIRCUITED;

    /** True for outcomes that carry evidence about the dependency, as opposed to "we did not look". */
    public boolean isObservation() {
        return this == UP || this == DEGRADED || this == DOWN;
    }
}
