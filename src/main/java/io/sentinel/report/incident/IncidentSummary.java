package io.sentinel.report.incident;

import io.sentinel.config.Severity;
import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One incident as a list shows it: what it is about (from its first alert event) and where it stands (from its
 * newest one).
 *
 * @param id          the incident id every event of the outage shares
 * @param subject     what its first event was about: a check, or {@code <dependency> breaker}
 * @param dependency  the dependency of its first event
 * @param severity    the severity of its first event
 * @param open        true while its newest event is FIRING
 * @param startedAt   when the problem began, the earliest {@code since} of its events
 * @param lastEventAt when its newest event was raised; the resolution time once it is closed
 * @param events      how many alert events it has
 */
public record IncidentSummary(String id, String subject, String dependency, Severity severity, boolean open,
                              Instant startedAt, Instant lastEventAt, int events) {

    public IncidentSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(dependency, "dependency");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(lastEventAt, "lastEventAt");
    }

    /**
     * The summary of incident {@code id} from its events, oldest first. The events may carry other incident ids
     * than {@code id}: an incident can list several alerts.
     */
    public static IncidentSummary of(String id, List<AlertEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("an incident has at least one event");
        }
        AlertEvent first = events.get(0);
        AlertEvent newest = events.get(events.size() - 1);
        Instant startedAt = events.stream().map(AlertEvent::since).min(Instant::compareTo).orElseThrow();
        return new IncidentSummary(id, first.subject(), first.dependency(), first.severity(),
                newest.status() == AlertStatus.FIRING, startedAt, newest.at(), events.size());
    }

    /** When its newest event resolved it; empty while it is open. */
    public Optional<Instant> resolvedAt() {
        return open ? Optional.empty() : Optional.of(lastEventAt);
    }
}
