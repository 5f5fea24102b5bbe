package io.sentinel.incident;

import java.time.Instant;
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

    /**
     * Incidents for a list: open ones first, then the most recently recovered.
     *
     * @param open        only open ones (true), only recovered or closed ones (false), or both (empty)
     * @param activeSince only those open at some moment since then: still open, or recovered at or after it
     * @param limit       at most this many
     * @param offset      skipping this many
     */
    List<Incident> find(Optional<Boolean> open, Optional<Instant> activeSince, int limit, int offset);

    /** The alerts listed in these incidents, in the order they were listed. */
    List<IncidentAlert> alertsOf(Collection<String> incidentIds);

    /** The facts an incident recorded, oldest first. */
    List<IncidentFact> factsOf(String incidentId);
}
