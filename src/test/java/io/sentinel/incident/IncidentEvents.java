package io.sentinel.incident;

import io.sentinel.config.Severity;
import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.model.FailureClass;
import io.sentinel.model.HealthState;
import io.sentinel.rules.IncidentIds;
import java.time.Instant;

/** Alert events as the rules and the breaker journal raise them, for the incident tests. */
final class IncidentEvents {

    private IncidentEvents() {
    }

    /** A check going DOWN at {@code at}: its alert is named after the check and that instant. */
    static AlertEvent down(String checkId, String dependency, Instant at) {
        String alert = IncidentIds.forCheck(checkId, at);
        return new AlertEvent(IncidentIds.event(alert, "FIRING", "DOWN", at), alert, AlertStatus.FIRING, Severity.HIGH,
                checkId, dependency, HealthState.DOWN, HealthState.UP, FailureClass.HTTP_5XX,
                "3 failed probes in a row: HTTP 503", null, at, at);
    }

    /** The same alert resolved at {@code at}. */
    static AlertEvent up(AlertEvent firing, Instant at) {
        return new AlertEvent(IncidentIds.event(firing.incidentId(), "RESOLVED", "UP", at), firing.incidentId(),
                AlertStatus.RESOLVED, firing.severity(), firing.checkId(), firing.dependency(), HealthState.UP,
                firing.state(), null, "2 good probes in a row", null, firing.since(), at);
    }

    /** An operator forcing a dependency's breaker open at {@code at}. */
    static AlertEvent operatorForcedOpen(String dependency, Instant at) {
        String alert = IncidentIds.forOperatorBreaker(dependency, at);
        return new AlertEvent(IncidentIds.event(alert, "FIRING", "DOWN", at), alert, AlertStatus.FIRING, Severity.HIGH,
                null, dependency, HealthState.DOWN, HealthState.UP, null,
                dependency + " disabled by an operator until closed: credits exhausted", null, at, at);
    }

    /** A dependency's breaker disabling it at {@code at}. */
    static AlertEvent breakerOpen(String dependency, Instant at) {
        String alert = IncidentIds.forBreaker(dependency, at);
        return new AlertEvent(IncidentIds.event(alert, "FIRING", "DOWN", at), alert, AlertStatus.FIRING, Severity.HIGH,
                null, dependency, HealthState.DOWN, HealthState.UP, FailureClass.HTTP_5XX,
                dependency + " disabled by its breaker: 4 of the last 4 probes failed", null, at, at);
    }
}
