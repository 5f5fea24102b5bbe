package io.sentinel.report.incident;

import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import java.util.List;

/** Every alert event of the incident, in the words of its one-line summary. */
final class AlertEventFacts implements TimelineSource {

    @Override
    public List<TimelineEntry> entries(IncidentScope scope) {
        return scope.events().stream().map(AlertEventFacts::entry).toList();
    }

    private static TimelineEntry entry(AlertEvent event) {
        String kind = event.status() == AlertStatus.RESOLVED ? TimelineEntry.RECOVERY : TimelineEntry.ALERT;
        return new TimelineEntry(event.at(), kind, event.summary());
    }
}
