package io.sentinel.incident;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where incidents are kept. They are written only as part of a decision (see {@code DecisionLog}); this is
 * the reading side: what a restart continues and what the API and reports show.
 */
public interface IncidentRepository {

    /** Incidents open or recovered but not yet confirmed stable: what a restart continues. */
    List<Incident> unclosed();

    Optional<Incident> find(String incidentId);

    /** The incidents an alert is listed in, newest opened first (a released alert is in two). */
    List<Incident> listing(String alertId);

    /** The most recently opened incidents, newest first. */
    List<Incident> recent(int limit);

    /** The alerts listed in these incidents, in the order they were listed. */
    List<IncidentAlert> alertsOf(Collection<String> incidentIds);

    /** The facts an incident recorded, oldest first. */
    List<IncidentFact> factsOf(String incidentId);
}
