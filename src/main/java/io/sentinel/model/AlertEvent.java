package io.sentinel.model;

import io.sentinel.config.Severity;
import io.sentinel.model.FailureClass;
import io.sentinel.model.HealthState;
import java.time.Instant;
import java.util.Objects;

/**
 * A state change worth telling someone about.
 *
 * @param id            unique id of this event
 * @param incidentId    the incident it belongs to: every event of one outage shares it
 * @param status        FIRING or RESOLVED
 * @param severity      how much it matters
 * @param checkId       the check; null for an alert about a whole dependency (its circuit breaker)
 * @param dependency    the dependency the check watches
 * @param state         the state entered
 * @param previousState the state left
 * @param failureClass  the failure behind a FIRING DOWN, else null
 * @param reason        what happened, for people (already free of secrets)
 * @param latency       how long the probe behind the event took, when there was one (else null)
 * @param since         when the problem began (for RESOLVED: when it began, so duration = at − since)
 * @param at            when this event was raised
 */
public record AlertEvent(
        String id,
        String incidentId,
        AlertStatus status,
        Severity severity,
        String checkId,
        String dependency,
        HealthState state,
        HealthState previousState,
        FailureClass failureClass,
        String reason,
        java.time.Duration latency,
        Instant since,
        Instant at) {

    /** How connectivity alerts' ids begin: such an alert is about Sentinel's own network, not a check or breaker. */
    public static final String CONNECTIVITY = "connectivity";
    /** How a location's lost network begins its alert id: {@code location-network:us-1@…}. */
    public static final String LOCATION_NETWORK = "location-network";

    public AlertEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(dependency, "dependency");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(previousState, "previousState");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(at, "at");
        reason = reason == null ? "" : reason;
    }

    /** One line for logs and chat fallbacks: {@code FIRING [critical] supabase-db DOWN (TIMEOUT): …}. */
    public String summary() {
        String failure = failureClass == null ? "" : " (" + failureClass + ")";
        return status + " [" + severity.label() + "] " + subject() + " " + state + failure + ": " + reason;
    }

    /** What the alert is about: the check, {@code <dependency> breaker}, or {@code Sentinel connectivity}. */
    public String subject() {
        return subject(checkId, dependency, incidentId);
    }

    /** What an event about this check (null for the whole dependency), dependency and incident id is about. */
    public static String subject(String checkId, String dependency, String incidentId) {
        if (checkId != null) {
            return checkId;
        }
        if (incidentId.startsWith(LOCATION_NETWORK + ":")) {
            return "the network of location " + incidentId.substring(LOCATION_NETWORK.length() + 1,
                    Math.max(LOCATION_NETWORK.length() + 1, incidentId.lastIndexOf('@')));
        }
        return incidentId.startsWith(CONNECTIVITY + "@") ? "Sentinel connectivity" : dependency + " breaker";
    }

    public boolean isAboutDependency() {
        return checkId == null && !isAboutConnectivity();
    }

    /** True for the alert that Sentinel itself lost the network (every connectivity check fails). */
    public boolean isAboutConnectivity() {
        return checkId == null && incidentId.startsWith(CONNECTIVITY + "@");
    }
}
