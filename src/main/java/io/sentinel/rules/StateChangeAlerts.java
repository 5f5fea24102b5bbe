package io.sentinel.rules;

import io.sentinel.model.HealthState;
import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.config.CheckConfig;
import io.sentinel.config.Durations;
import io.sentinel.probe.ProbeResult;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Turns a state change into the alert event people are told about, or into nothing. Event ids come from the
 * incident and the transition ({@link IncidentIds#event}), so the same transition always has the same id.
 */
final class StateChangeAlerts {

    /**
     * UNKNOWN→UP is silent; entering or changing a problem state fires; leaving it resolves. The events of
     * one outage share the incident id kept in the state.
     */
    static Optional<AlertEvent> between(CheckState before, CheckState after, ProbeResult cause, CheckConfig check, Instant now) {
        if (before.state() == after.state()) {
            return Optional.empty();
        }
        if (after.state().isProblem()) {
            return Optional.of(event(AlertStatus.FIRING, after.incidentId(), before, after, cause, check,
                    firingReason(before, after, cause), after.since(), now));
        }
        if (before.state().isProblem()) {
            Duration lasted = Duration.between(before.since(), now).truncatedTo(ChronoUnit.SECONDS);
            String reason = after.consecutiveSuccesses() + " good probes in a row; was " + before.state()
                    + " for " + Durations.format(lasted);
            return Optional.of(event(AlertStatus.RESOLVED, before.incidentId(), before, after, cause, check,
                    reason, before.since(), now));
        }
        return Optional.empty();
    }

    private static String firingReason(CheckState before, CheckState after, ProbeResult cause) {
        String streak = switch (after.state()) {
            case DOWN -> after.consecutiveFailures() + " failed probes in a row";
            case DEGRADED -> before.state() == HealthState.DOWN
                    ? "responding again, but degraded"
                    : after.consecutiveNonSuccesses() + " degraded probes in a row";
            default -> after.state().name();
        };
        return cause.message().isEmpty() ? streak : streak + ": " + cause.message();
    }

    private static AlertEvent event(AlertStatus status, String incidentId, CheckState before, CheckState after,
                                        ProbeResult cause, CheckConfig check, String reason, Instant since,
                                        Instant now) {
        String eventId = IncidentIds.event(incidentId, status.name(), after.state().name(), now);
        return new AlertEvent(eventId, incidentId, status, check.severity(), check.id(), check.dependency(), after.state(), before.state(), status == AlertStatus.FIRING ? cause.failureClass() : null,
                reason, cause.latency(), since, now);
    }
}
