package io.sentinel.api;

import io.sentinel.config.Durations;
import io.sentinel.incident.Incident;
import io.sentinel.incident.IncidentAlert;
import io.sentinel.incident.IncidentRepository;
import io.sentinel.incident.IncidentState;
import io.sentinel.incident.timeline.Impact;
import io.sentinel.incident.timeline.IncidentTimelines;
import io.sentinel.incident.timeline.IncidentView;
import io.sentinel.incident.timeline.TimelineEntry;
import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.alert.outbox.OutboxEntry;
import io.sentinel.alert.outbox.OutboxRepository;
import io.sentinel.store.AlertEventStore;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.camel.Header;

/**
 * {@code GET /api/incidents} (the recent ones) and {@code GET /api/incidents/{id}}: one outage of a dependency
 * with its impact, the alerts listed in it and its timeline of facts, for the post-incident review. An alert's
 * id (as a notification shows it) finds the incident it is listed in; an alert from before incidents were kept
 * is shown on its own, from its events.
 */
public final class IncidentApi {

    private static final int RECENT_INCIDENTS = 100;

    private final AlertEventStore events;
    private final OutboxRepository notifications;
    private final IncidentRepository incidents;
    private final IncidentTimelines timelines;

    public IncidentApi(AlertEventStore events, OutboxRepository notifications, IncidentRepository incidents,
                       IncidentTimelines timelines) {
        this.events = events;
        this.notifications = notifications;
        this.incidents = incidents;
        this.timelines = timelines;
    }

    public ApiReply recent() {
        List<Incident> recent = incidents.recent(RECENT_INCIDENTS);
        Map<String, List<IncidentAlert>> alerts = incidents.alertsOf(recent.stream().map(Incident::id).toList()).stream()
                .collect(Collectors.groupingBy(IncidentAlert::incidentId, LinkedHashMap::new, Collectors.toList()));
        List<Map<String, Object>> list = new ArrayList<>();
        for (Incident incident : recent) {
            List<IncidentAlert> listed = alerts.getOrDefault(incident.id(), List.of());
            Map<String, Object> json = summary(incident, listed);
            json.put("alerts", listed.size());
            long dependents = listed.stream().filter(alert -> alert.role() == io.sentinel.incident.AlertRole.DEPENDENT).count();
            if (dependents > 0) {
                json.put("dependentChecksAffected", dependents);
            }
            list.add(json);
        }
        return ApiReply.ok(Map.of("incidents", list));
    }

    public ApiReply one(@Header("id") String id) {
        Optional<ApiReply> malformed = PathIds.refuseIncidentId(id);
        if (malformed.isPresent()) {
            return malformed.get();
        }
        Optional<IncidentView> view = timelines.view(id);
        if (view.isPresent()) {
            return ApiReply.ok(body(view.get()));
        }
        List<AlertEvent> timeline = events.forIncident(id);
        if (timeline.isEmpty()) {
            return ApiReply.notFound("no incident with id '" + id + "'; GET /api/incidents lists the recent ones");
        }
        return ApiReply.ok(alertOnly(id, timeline));
    }

    private static Map<String, Object> summary(Incident incident, List<IncidentAlert> listed) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", incident.id());
        json.put("dependency", incident.dependency());
        json.put("title", incident.title());
        json.put("subject", listed.isEmpty() ? incident.dependency() : listed.get(0).subject());
        json.put("severity", incident.severity().label());
        json.put("state", incident.state().name());
        json.put("open", incident.state() == IncidentState.OPEN);
        json.put("openedAt", incident.openedAt().toString());
        json.put("startedAt", incident.openedAt().toString());
        if (incident.recoveredAt() != null) {
            json.put("recoveredAt", incident.recoveredAt().toString());
            json.put("resolvedAt", incident.recoveredAt().toString());
        }
        if (incident.closedAt() != null) {
            json.put("closedAt", incident.closedAt().toString());
        }
        return json;
    }

    private static Map<String, Object> body(IncidentView view) {
        Map<String, Object> json = summary(view.incident(), view.alerts());
        Impact impact = view.impact();
        if (impact.firstFailedProbe() != null) {
            json.put("startedAt", impact.firstFailedProbe().toString());
        }
        if (!impact.dependentsSummary().isEmpty()) {
            json.put("summary", impact.dependentsSummary());
        }
        Map<String, Object> impactJson = new LinkedHashMap<>();
        impactJson.put("affectedChecks", impact.affectedChecks());
        impactJson.put("dependentChecks", impact.dependentChecks());
        if (impact.firstFailedProbe() != null) {
            impactJson.put("firstFailedProbeAt", impact.firstFailedProbe().toString());
        }
        impactJson.put("duration", Durations.format(impact.duration().truncatedTo(ChronoUnit.SECONDS)));
        impactJson.put("durationSeconds", impact.duration().toSeconds());
        impactJson.put("failedProbes", impact.failedProbes());
        impactJson.put("failedPaidCallsUsd", impact.failedPaidCallsUsd());
        json.put("impact", impactJson);
        json.put("alerts", view.alerts().stream().map(alert -> alert(alert, view.events())).toList());
        json.put("timeline", view.timeline().stream().map(IncidentApi::entry).toList());
        json.put("events", view.events().stream().map(IncidentApi::event).toList());
        json.put("notifications", view.notifications().stream().map(IncidentApi::notification).toList());
        return json;
    }

    private static Map<String, Object> alert(IncidentAlert alert, List<AlertEvent> events) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", alert.alertId());
        json.put("subject", alert.subject());
        json.put("dependency", alert.dependency());
        json.put("role", alert.role().name());
        if (alert.heldBy() != null) {
            json.put("heldBy", alert.heldBy());
        }
        json.put("listedAt", alert.joinedAt().toString());
        events.stream().filter(event -> event.incidentId().equals(alert.alertId()))
                .max(Comparator.comparing(AlertEvent::at)).ifPresent(last -> {
                    json.put("state", last.state().name());
                    json.put("firing", last.status() == AlertStatus.FIRING);
                });
        return json;
    }

    private static Map<String, Object> entry(TimelineEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", entry.at().toString());
        json.put("kind", entry.kind());
        if (!entry.subject().isEmpty()) {
            json.put("subject", entry.subject());
        }
        if (!entry.channel().isEmpty()) {
            json.put("channel", entry.channel());
        }
        json.put("text", entry.text());
        return json;
    }

    /** An alert raised before incidents were kept: its own events and notifications. */
    private Map<String, Object> alertOnly(String id, List<AlertEvent> timeline) {
        AlertEvent first = timeline.stream().min(Comparator.comparing(AlertEvent::at)).orElseThrow();
        AlertEvent last = timeline.stream().max(Comparator.comparing(AlertEvent::at)).orElseThrow();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("subject", first.subject());
        json.put("dependency", first.dependency());
        json.put("severity", first.severity().label());
        json.put("open", last.status() == AlertStatus.FIRING);
        json.put("startedAt", first.since().toString());
        if (last.status() == AlertStatus.RESOLVED) {
            json.put("resolvedAt", last.at().toString());
        }
        json.put("events", timeline.stream().map(IncidentApi::event).toList());
        json.put("notifications", notifications.forIncident(id).stream()
                .sorted(Comparator.comparing(entry -> entry.notification().createdAt()))
                .map(IncidentApi::notification).toList());
        return json;
    }

    private static Map<String, Object> event(AlertEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", event.at().toString());
        json.put("alert", event.incidentId());
        json.put("subject", event.subject());
        json.put("status", event.status().name());
        json.put("state", event.state().name());
        if (event.failureClass() != null) {
            json.put("failureClass", event.failureClass().name());
        }
        json.put("reason", event.reason());
        return json;
    }

    private static Map<String, Object> notification(OutboxEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", entry.key());
        json.put("channel", entry.channelId());
        json.put("subject", entry.notification().event().subject());
        json.put("kind", entry.notification().kind().name());
        json.put("status", entry.notification().event().status().name());
        json.put("state", entry.state().name());
        json.put("attempts", entry.attempts());
        json.put("createdAt", entry.notification().createdAt().toString());
        if (entry.deliveredAt() != null) {
            json.put("deliveredAt", entry.deliveredAt().toString());
        }
        if (!entry.lastError().isEmpty()) {
            json.put("lastError", entry.lastError());
        }
        return json;
    }
}
