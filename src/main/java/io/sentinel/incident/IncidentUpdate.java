package io.sentinel.incident;

import java.util.ArrayList;
import java.util.List;

/**
 * What one decision changes about incidents, committed in the same transaction as the decision's state, events
 * and notifications.
 *
 * @param incidents incidents opened or changed, in their new form
 * @param alerts    alerts newly listed in an incident
 * @param facts     facts recorded
 */
public record IncidentUpdate(List<Incident> incidents, List<IncidentAlert> alerts, List<IncidentFact> facts) {

    public static final IncidentUpdate NONE = new IncidentUpdate(List.of(), List.of(), List.of());

    public IncidentUpdate {
        incidents = List.copyOf(incidents);
        alerts = List.copyOf(alerts);
        facts = List.copyOf(facts);
    }

    public boolean isEmpty() {
        return incidents.isEmpty() && alerts.isEmpty() && facts.isEmpty();
    }

    /** Collects an update while a decision is being made; an incident changed twice keeps its last form. */
    static final class Builder {
        private final java.util.Map<String, Incident> incidents = new java.util.LinkedHashMap<>();
        private final List<IncidentAlert> alerts = new ArrayList<>();
        private final List<IncidentFact> facts = new ArrayList<>();

        void incident(Incident incident) {
            incidents.put(incident.id(), incident);
        }

        void alert(IncidentAlert alert) {
            alerts.add(alert);
        }

        void fact(IncidentFact fact) {
            facts.add(fact);
        }

        IncidentUpdate build() {
            return new IncidentUpdate(List.copyOf(incidents.values()), alerts, facts);
        }
    }
}
