package io.sentinel.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * An alert listed in an incident. An alert can be listed twice: held in its parent's incident, then, when
 * released, in its own dependency's incident.
 *
 * @param incidentId the incident
 * @param alertId    the alert (the alert events' {@code incidentId}: one per problem of a check, breaker, reading)
 * @param role       why it is listed there
 * @param dependency the dependency the alert is about
 * @param checkId    the check, or null for an alert about a whole dependency
 * @param subject    what the alert is about, for people: the check, {@code hunter breaker} …
 * @param heldBy     for a held dependent alert, the parent dependency that was DOWN; else null
 * @param joinedAt   when it was listed
 */
public record IncidentAlert(String incidentId, String alertId, AlertRole role, String dependency, String checkId,
                            String subject, String heldBy, Instant joinedAt) {

    public IncidentAlert {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(dependency, "dependency");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(joinedAt, "joinedAt");
        if ((role == AlertRole.DEPENDENT) != (heldBy != null)) {
            throw new IllegalArgumentException("exactly a dependent alert names the parent that held it");
        }
    }
}
