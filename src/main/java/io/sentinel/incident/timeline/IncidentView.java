package io.sentinel.incident.timeline;

import io.sentinel.alert.outbox.OutboxEntry;
import io.sentinel.incident.Incident;
import io.sentinel.incident.IncidentAlert;
import io.sentinel.model.AlertEvent;
import java.util.List;
import java.util.Objects;

/**
 * Everything recorded about one incident, for the API and post-incident reports.
 *
 * @param incident      the incident
 * @param alerts        the alerts listed in it
 * @param impact        what it cost
 * @param timeline      every fact, oldest first
 * @param events        the alert events of its alerts, oldest first
 * @param notifications every notification of its alerts, per channel, oldest written first
 */
public record IncidentView(Incident incident, List<IncidentAlert> alerts, Impact impact, List<TimelineEntry> timeline,
                           List<AlertEvent> events, List<OutboxEntry> notifications) {

    public IncidentView {
        Objects.requireNonNull(incident, "incident");
        alerts = List.copyOf(alerts);
        Objects.requireNonNull(impact, "impact");
        timeline = List.copyOf(timeline);
        events = List.copyOf(events);
        notifications = List.copyOf(notifications);
    }
}
