package io.sentinel.api;

import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.alert.outbox.OutboxEntry;
import io.sentinel.alert.outbox.OutboxRepository;
import io.sentinel.store.AlertEventStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Header;

/**
 * {@code GET /api/incidents} (the recent ones) and {@code GET /api/incidents/{id}}: an incident's timeline of
 * alert events and of every notification with when it was delivered, for the post-incident review.
 */
public final class IncidentApi {

    private static final int RECENT_EVENTS = 500;

    private final AlertEventStore events;
    private final OutboxRepository notifications;

    public IncidentApi(AlertEventStore events, OutboxRepository notifications) {
        this.events = events;
        this.notifications = notifications;
    }

    public ApiReply recent() {
        Map<String, List<AlertEvent>> byIncident = new LinkedHashMap<>();
        for (AlertEvent event : events.recent(RECENT_EVENTS)) {
            byIncident.computeIfAbsent(event.incidentId(), id -> new ArrayList<>()).add(event);
        }
        List<Map<String, Object>> incidents = new ArrayList<>();
        byIncident.forEach((id, incidentEvents) -> incidents.add(summary(id, incidentEvents)));
        return ApiReply.ok(Map.of("incidents", incidents));
    }

    public ApiReply one(@Header("id") String id) {
        Optional<ApiReply> malformed = PathIds.refuseIncidentId(id);
        if (malformed.isPresent()) {
            return malformed.get();
        }
        List<AlertEvent> timeline = events.forIncident(id);
        if (timeline.isEmpty()) {
            return ApiReply.notFound("no incident with id '" + id + "'; GET /api/incidents lists the recent ones");
        }
        Map<String, Object> body = summary(id, timeline);
        body.put("events", timeline.stream().map(IncidentApi::event).toList());
        body.put("notifications", notifications.forIncident(id).stream()
                .sorted(Comparator.comparing(entry -> entry.notification().createdAt()))
                .map(IncidentApi::notification).toList());
        return ApiReply.ok(body);
    }

    private static Map<String, Object> summary(String id, List<AlertEvent> incidentEvents) {
        AlertEvent first = incidentEvents.stream().min(Comparator.comparing(AlertEvent::at)).orElseThrow();
        AlertEvent last = incidentEvents.stream().max(Comparator.comparing(AlertEvent::at)).orElseThrow();
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
        return json;
    }

    private static Map<String, Object> event(AlertEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", event.at().toString());
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
        json.put("channel", entry.channelId());
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
