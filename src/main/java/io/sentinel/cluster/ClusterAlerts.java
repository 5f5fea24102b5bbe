package io.sentinel.cluster;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.Durations;
import io.sentinel.config.Severity;
import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.model.HealthState;
import io.sentinel.probe.ProbeResult;
import io.sentinel.rules.CheckState;
import io.sentinel.rules.IncidentIds;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** The alert events of the leader's decisions: a confirmed change of a check's state, and the locations' signals. */
final class ClusterAlerts {

    private ClusterAlerts() {
    }

    /** Entering or changing a problem state fires; leaving it resolves; UNKNOWN→UP is silent. */
    static Optional<AlertEvent> stateChange(CheckState before, CheckState after, Consensus consensus, CheckConfig check,
                                            Instant now) {
        if (before.state() == after.state()) {
            return Optional.empty();
        }
        ProbeResult cause = consensus.confirming().isEmpty() ? null
                : consensus.confirming().get(consensus.confirming().size() - 1).lastResult();
        String message = cause == null || cause.message().isEmpty() ? "" : ": " + cause.message();
        if (after.state().isProblem()) {
            String reason = after.state() + " from " + consensus.confirming().size() + " of "
                    + consensus.reporting().size() + " locations (" + consensus.locations() + "; " + consensus.needed()
                    + " needed)" + message;
            return Optional.of(event(AlertStatus.FIRING, after.incidentId(), before, after, check, cause, reason,
                    after.since(), now));
        }
        if (before.state().isProblem()) {
            Duration lasted = Duration.between(before.since(), now).truncatedTo(ChronoUnit.SECONDS);
            String reason = "answers again from " + consensus.confirming().size() + " of "
                    + consensus.reporting().size() + " locations; was " + before.state() + " for "
                    + Durations.format(lasted);
            return Optional.of(event(AlertStatus.RESOLVED, before.incidentId(), before, after, check, cause, reason,
                    before.since(), now));
        }
        return Optional.empty();
    }

    private static AlertEvent event(AlertStatus status, String incidentId, CheckState before, CheckState after,
                                    CheckConfig check, ProbeResult cause, String reason, Instant since, Instant now) {
        return new AlertEvent(IncidentIds.event(incidentId, status.name(), after.state().name(), now), incidentId,
                status, check.severity(), check.id(), check.dependency(), after.state(), before.state(),
                status == AlertStatus.FIRING && cause != null ? cause.failureClass() : null, reason,
                cause == null ? null : cause.latency(), since, now);
    }

    /** One location fails a check the others reach: a signal a step below the check's own severity. */
    static AlertEvent cannotReach(LocationView view, CheckConfig check, Consensus consensus, Instant now) {
        String incident = IncidentIds.forLocation(view.location(), check.id(), view.since());
        ProbeResult last = view.lastResult();
        String reason = "location " + view.location() + " cannot reach " + check.id() + " (" + consensus.state()
                + " from the other locations; " + consensus.needed() + " of " + consensus.reporting().size()
                + " needed to call it DOWN)" + (last.message().isEmpty() ? "" : ": " + last.message());
        return new AlertEvent(IncidentIds.event(incident, AlertStatus.FIRING.name(), HealthState.DEGRADED.name(), now),
                incident, AlertStatus.FIRING, lower(check.severity()), check.id(), check.dependency(),
                HealthState.DEGRADED, HealthState.UP, last.failureClass(), reason, last.latency(), view.since(), now);
    }

    /** The end of a location's signal, for the reason given. */
    static AlertEvent resolved(AlertEvent firing, String reason, Instant now) {
        return new AlertEvent(IncidentIds.event(firing.incidentId(), AlertStatus.RESOLVED.name(), HealthState.UP.name(), now),
                firing.incidentId(), AlertStatus.RESOLVED, firing.severity(), firing.checkId(), firing.dependency(),
                HealthState.UP, firing.state(), null, reason, null, firing.since(), now);
    }

    /** Every check fails from one location while the others reach them: that location's network. */
    static AlertEvent networkLost(String location, List<LocationView> failing, Instant lostAt, Instant now) {
        String incident = IncidentIds.forLocationNetwork(location, lostAt);
        String reason = "location " + location + " lost its network: all " + failing.size()
                + " checks fail from there while other locations reach them; its failures are not counted";
        return new AlertEvent(IncidentIds.event(incident, AlertStatus.FIRING.name(), HealthState.DOWN.name(), now),
                incident, AlertStatus.FIRING, Severity.MEDIUM, null, "location-" + location, HealthState.DOWN,
                HealthState.UP, failing.get(0).lastResult().failureClass(), reason, null, lostAt, now);
    }

    static Severity lower(Severity severity) {
        return switch (severity) {
            case CRITICAL -> Severity.HIGH;
            case HIGH, MEDIUM -> Severity.MEDIUM;
        };
    }
}
