package io.sentinel.incident;

import io.sentinel.config.Severity;
import java.time.Instant;
import java.util.Objects;

/**
 * One outage of one dependency: every alert about it from the first failure until it has been quiet for the
 * quiet period after recovering.
 *
 * @param id          {@code incident:<dependency>@<instant its first alert's problem began>}, never random
 * @param dependency  the dependency that is out
 * @param state       open, recovered (waiting to be confirmed stable) or closed
 * @param severity    the highest severity of its alerts
 * @param title       what opened it, for lists: {@code supabase-db-ping DOWN}
 * @param openedAt    when the problem of its first alert began
 * @param recoveredAt when its last alert resolved, while recovered or closed; else null
 * @param closedAt    when it was confirmed stable; else null
 */
public record Incident(String id, String dependency, IncidentState state, Severity severity, String title,
                       Instant openedAt, Instant recoveredAt, Instant closedAt) {

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dependency, "dependency");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(openedAt, "openedAt");
        if ((state == IncidentState.OPEN) != (recoveredAt == null)) {
            throw new IllegalArgumentException("an incident has a recovery time exactly when it is not open");
        }
        if ((state == IncidentState.CLOSED) != (closedAt != null)) {
            throw new IllegalArgumentException("an incident has a closing time exactly when it is closed");
        }
    }

    public static Incident opened(String id, String dependency, Severity severity, String title, Instant openedAt) {
        return new Incident(id, dependency, IncidentState.OPEN, severity, title, openedAt, null, null);
    }

    public boolean isOpen() {
        return state == IncidentState.OPEN;
    }

    public Incident recovered(Instant at) {
        return new Incident(id, dependency, IncidentState.RECOVERED, severity, title, openedAt, at, null);
    }

    public Incident reopened() {
        return new Incident(id, dependency, IncidentState.OPEN, severity, title, openedAt, null, null);
    }

    public Incident closed(Instant at) {
        return new Incident(id, dependency, IncidentState.CLOSED, severity, title, openedAt, recoveredAt, at);
    }

    /** This incident at the higher of its severity and {@code other} (CRITICAL is the highest). */
    public Incident atLeast(Severity other) {
        return other.compareTo(severity) < 0
                ? new Incident(id, dependency, state, other, title, openedAt, recoveredAt, closedAt) : this;
    }
}
