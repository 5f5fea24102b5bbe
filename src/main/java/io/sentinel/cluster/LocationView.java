package io.sentinel.cluster;

import io.sentinel.model.HealthState;
import io.sentinel.probe.ProbeResult;
import java.time.Instant;
import java.util.Objects;

/**
 * One location's view of one check: what that location's own thresholds say, and its last result. Every instance
 * writes its own; the leader reads every location's to decide.
 *
 * @param location            where the check was probed from
 * @param state               the check's state by this location's results alone
 * @param since               when that state began there (null while UNKNOWN)
 * @param consecutiveFailures DOWN results in a row from this location
 * @param consecutiveSuccesses UP results in a row from this location
 * @param lastResult          the last result from this location
 * @param observedAt          when the last result that said something about the dependency (UP, DEGRADED or DOWN)
 *                            finished; null before the first. A location whose last observation is old is not
 *                            reporting.
 */
public record LocationView(String location, HealthState state, Instant since, int consecutiveFailures,
                           int consecutiveSuccesses, ProbeResult lastResult, Instant observedAt) {

    public LocationView {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastResult, "lastResult");
    }

    public String checkId() {
        return lastResult.checkId();
    }

    /** Whether this location observed the check at or after {@code cutoff}. */
    public boolean isReportingSince(Instant cutoff) {
        return observedAt != null && !observedAt.isBefore(cutoff);
    }

    /** DOWN by this location's thresholds. */
    public boolean seesDown() {
        return state == HealthState.DOWN;
    }

    /** DOWN or DEGRADED by this location's thresholds. */
    public boolean seesProblem() {
        return state.isProblem();
    }
}
