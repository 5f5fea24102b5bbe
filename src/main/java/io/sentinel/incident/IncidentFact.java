package io.sentinel.incident;

import io.sentinel.rules.IncidentIds;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to an incident, at the moment it happened.
 *
 * @param id         made from the incident, the kind, the subject and the instant: the same fact recorded twice is one
 * @param incidentId the incident
 * @param at         when it happened
 * @param kind       what happened
 * @param subject    the alert's subject it is about, or empty for the incident as a whole
 * @param text       the fact in words, for the timeline
 */
public record IncidentFact(String id, String incidentId, Instant at, FactKind kind, String subject, String text) {

    public IncidentFact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        subject = subject == null ? "" : subject;
        Objects.requireNonNull(text, "text");
    }

    public static IncidentFact of(String incidentId, Instant at, FactKind kind, String subject, String text) {
        String about = subject == null || subject.isEmpty() ? "" : "/" + subject;
        return new IncidentFact(IncidentIds.fact(incidentId, kind.name() + about, at), incidentId, at, kind, subject, text);
    }
}
