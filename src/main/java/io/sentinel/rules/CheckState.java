package io.sentinel.rules;

import io.sentinel.model.HealthState;
import java.time.Instant;
import java.util.Objects;

/**
 * A check's state and the streaks that decide it. Immutable; {@link ThresholdPolicy} makes the next one.
 *
 * @param checkId               the check
 * @param state                 current state
 * @param since                 when the current state began (null while UNKNOWN)
 * @param consecutiveFailures   DOWN results in a row
 * @param consecutiveSuccesses  UP results in a row
 * @param consecutiveNonFailures  UP or DEGRADED results in a row (what recovery from DOWN needs)
 * @param consecutiveNonSuccesses DOWN or DEGRADED results in a row (what leaving UP needs)
 * @param lastProbeAt           when the last result that counted arrived (null before the first)
 * @param incidentId            the open incident while the state is a problem, else null
 */
public record CheckState(
        String checkId,
        HealthState state,
        Instant since,
        int consecutiveFailures,
        int consecutiveSuccesses,
        int consecutiveNonFailures,
        int consecutiveNonSuccesses,
        Instant lastProbeAt,
        String incidentId) {

    public CheckState {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(state, "state");
        if (consecutiveFailures < 0 || consecutiveSuccesses < 0 || consecutiveNonFailures < 0 || consecutiveNonSuccesses < 0) {
            throw new IllegalArgumentException("streaks cannot be negative");
        }
        if (state.isProblem() != (incidentId != null)) {
            throw new IllegalArgumentException("a " + state + " check " + (incidentId == null ? "needs" : "cannot have")
                    + " an open incident");
        }
    }

    public static CheckState unknown(String checkId) {
        return new CheckState(checkId, HealthState.UNKNOWN, null, 0, 0, 0, 0, null, null);
    }

    /**
     * True when the two states would decide the next results the same way: same state, start and incident,
     * and the same streaks up to {@code cap} (the largest threshold). A streak beyond the largest threshold
     * decides nothing more, so storing it again would be work without value.
     */
    public boolean decidesLike(CheckState other, int cap) {
        return state == other.state && java.util.Objects.equals(since, other.since)
                && java.util.Objects.equals(incidentId, other.incidentId)
                && Math.min(consecutiveFailures, cap) == Math.min(other.consecutiveFailures, cap)
                && Math.min(consecutiveSuccesses, cap) == Math.min(other.consecutiveSuccesses, cap)
                && Math.min(consecutiveNonFailures, cap) == Math.min(other.consecutiveNonFailures, cap)
                && Math.min(consecutiveNonSuccesses, cap) == Math.min(other.consecutiveNonSuccesses, cap);
    }
}
