package io.sentinel.rules;

import io.sentinel.model.HealthState;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeResult;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Decides a check's next state from its current one and a new result, with Gatus semantics: DOWN after
 * {@code failureThreshold} failed probes in a row, back after {@code successThreshold} good ones.
 *
 * <ul>
 *   <li>UNKNOWN becomes UP or DEGRADED on the first result that proves it, but DOWN only once the failure
 *       threshold is reached: one failed probe right after start is not an outage.</li>
 *   <li>UP becomes DEGRADED after {@code failureThreshold} results in a row that were not fully good.</li>
 *   <li>DOWN needs {@code successThreshold} working results in a row; it comes back UP if they were all
 *       good, else DEGRADED.</li>
 *   <li>DEGRADED becomes UP after {@code successThreshold} good results in a row.</li>
 * </ul>
 * SKIPPED and SHORT_CIRCUITED results say nothing about the dependency and leave the state as it is.
 */
public final class ThresholdPolicy {

    private final int failureThreshold;
    private final int successThreshold;

    public ThresholdPolicy(int failureThreshold, int successThreshold) {
        if (failureThreshold < 1 || successThreshold < 1) {
            throw new IllegalArgumentException("thresholds must be at least 1");
        }
        this.failureThreshold = failureThreshold;
        this.successThreshold = successThreshold;
    }

    /**
     * @param current the state before the result
     * @param result  the new result
     * @param now     when the result is evaluated; becomes {@code since} of a new state
     * @param newIncidentId makes the incident id if this result opens a problem
     * @return the state after the result (the same instance when the result does not count)
     */
    public CheckState next(CheckState current, ProbeResult result, Instant now, Supplier<String> newIncidentId) {
        Outcome outcome = result.outcome();
        if (!outcome.isObservation()) {
            return current;
        }
        boolean good = outcome == Outcome.UP;
        boolean failed = outcome == Outcome.DOWN;
        int failures = failed ? current.consecutiveFailures() + 1 : 0;
        int successes = good ? current.consecutiveSuccesses() + 1 : 0;
        int nonFailures = failed ? 0 : current.consecutiveNonFailures() + 1;
        int nonSuccesses = good ? 0 : current.consecutiveNonSuccesses() + 1;

        HealthState nextState = decide(current.state(), outcome, failures, successes, nonFailures, nonSuccesses);
        boolean changed = nextState != current.state();
        Instant since = changed ? now : current.since();
        String incident = !nextState.isProblem() ? null
                : current.incidentId() != null ? current.incidentId() : newIncidentId.get();
        return new CheckState(current.checkId(), nextState, since, failures, successes, nonFailures, nonSuccesses,
                result.startedAt().plus(result.latency()), incident);
    }

    private HealthState decide(HealthState state, Outcome outcome, int failures, int successes,
                               int nonFailures, int nonSuccesses) {
        if (failures >= failureThreshold) {
            return HealthState.DOWN;
        }
        return switch (state) {
            case UNKNOWN -> switch (outcome) {
                case UP -> HealthState.UP;
                case DEGRADED -> HealthState.DEGRADED;
                default -> HealthState.UNKNOWN;
            };
            case UP -> nonSuccesses >= failureThreshold ? HealthState.DEGRADED : HealthState.UP;
            case DEGRADED -> successes >= successThreshold ? HealthState.UP : HealthState.DEGRADED;
            case DOWN -> nonFailures < successThreshold ? HealthState.DOWN
                    : successes >= successThreshold ? HealthState.UP : HealthState.DEGRADED;
        };
    }
}
