package io.sentinel.alert.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.alert.Notification;
import io.sentinel.alert.NotificationKind;
import io.sentinel.config.Severity;
import io.sentinel.json.Json;
import io.sentinel.model.FailureClass;
import io.sentinel.model.HealthState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Notifications and outbox entries as JSON, field by field: the outbox payload column and the spool file
 * must read back exactly what was written, across versions, so nothing is left to reflection.
 */
public final class NotificationJson {

    private NotificationJson() {
    }

    public static String write(Notification notification) {
        return Json.write(node(notification));
    }

    public static Notification readNotification(String json) {
        return notification(parse(json));
    }

    public static String write(OutboxEntry entry) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.set("notification", node(entry.notification()));
        node.put("state", entry.state().name());
        node.put("attempts", entry.attempts());
        node.put("nextAttemptAt", entry.nextAttemptAt().toString());
        node.put("lastError", entry.lastError());
        if (entry.deliveredAt() != null) {
            node.put("deliveredAt", entry.deliveredAt().toString());
        }
        return Json.write(node);
    }

    public static OutboxEntry readEntry(String json) {
        JsonNode node = parse(json);
        return new OutboxEntry(notification(node.path("notification")),
                DeliveryState.valueOf(node.path("state").asText()),
                node.path("attempts").asInt(),
                Instant.parse(node.path("nextAttemptAt").asText()),
                node.path("lastError").asText(""),
                node.hasNonNull("deliveredAt") ? Instant.parse(node.path("deliveredAt").asText()) : null);
    }

    private static ObjectNode node(Notification notification) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("key", notification.key());
        node.put("channelId", notification.channelId());
        node.put("kind", notification.kind().name());
        notification.runbook().ifPresent(runbook -> node.put("runbook", runbook));
        node.put("note", notification.note());
        node.put("createdAt", notification.createdAt().toString());
        AlertEvent event = notification.event();
        ObjectNode json = node.putObject("event");
        json.put("id", event.id());
        json.put("incidentId", event.incidentId());
        json.put("status", event.status().name());
        json.put("severity", event.severity().name());
        if (event.checkId() != null) {
            json.put("checkId", event.checkId());
        }
        json.put("dependency", event.dependency());
        json.put("state", event.state().name());
        json.put("previousState", event.previousState().name());
        if (event.failureClass() != null) {
            json.put("failureClass", event.failureClass().name());
        }
        json.put("reason", event.reason());
        if (event.latency() != null) {
            json.put("latencyMs", event.latency().toMillis());
        }
        json.put("since", event.since().toString());
        json.put("at", event.at().toString());
        return node;
    }

    private static Notification notification(JsonNode node) {
        JsonNode json = node.path("event");
        AlertEvent event = new AlertEvent(json.path("id").asText(), json.path("incidentId").asText(),
                AlertStatus.valueOf(json.path("status").asText()), Severity.valueOf(json.path("severity").asText()),
                json.hasNonNull("checkId") ? json.path("checkId").asText() : null, json.path("dependency").asText(),
                HealthState.valueOf(json.path("state").asText()), HealthState.valueOf(json.path("previousState").asText()),
                json.hasNonNull("failureClass") ? FailureClass.valueOf(json.path("failureClass").asText()) : null,
                json.path("reason").asText(""),
                json.hasNonNull("latencyMs") ? Duration.ofMillis(json.path("latencyMs").asLong()) : null,
                Instant.parse(json.path("since").asText()), Instant.parse(json.path("at").asText()));
        return new Notification(node.path("key").asText(), node.path("channelId").asText(),
                NotificationKind.valueOf(node.path("kind").asText()), event,
                node.hasNonNull("runbook") ? Optional.of(node.path("runbook").asText()) : Optional.empty(),
                node.path("note").asText(""), Instant.parse(node.path("createdAt").asText()));
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException corrupt) {
            throw new UncheckedIOException(corrupt);
        }
    }
}
