package io.sentinel.report.incident;

import java.util.List;

/**
 * Where timeline facts come from. Each source reads one kind of record (alert events, notifications, breaker
 * transitions, …); a new kind of record joins every report by adding its source to {@link IncidentReports}.
 */
@FunctionalInterface
public interface TimelineSource {

    /** The facts this source holds about the incident, in any order. */
    List<TimelineEntry> entries(IncidentScope scope);
}
