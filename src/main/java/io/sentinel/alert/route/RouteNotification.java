package io.sentinel.alert.route;

import io.sentinel.alert.Notification;
import io.sentinel.alert.NotificationContent;
import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a {@code type: route} channel's route receives: a map of plain values (a JSON object once marshalled) and a
 * few headers. docs/routes.md documents every field; they come from {@link NotificationContent}, so a route says
 * what Slack and email say, already redacted.
 */
public final class RouteNotification {

    /** Headers beside the body, for routes that branch or deduplicate without reading it. */
    public static final String KEY_HEADER = "SentinelNotificationKey";
    public static final String CHANNEL_HEADER = "SentinelChannelId";
    public static final String STATUS_HEADER = "SentinelStatus";
    public static final String SEVERITY_HEADER = "SentinelSeverity";
    public static final String KIND_HEADER = "SentinelKind";

    private RouteNotification() {
    }

    public static Map<String, Object> body(Notification notification, Instant now) {
        NotificationContent content = NotificationContent.of(notification, now);
        AlertEvent event = notification.event();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", content.key());
        body.put("channelId", notification.channelId());
        body.put("kind", content.kind().name());
        body.put("status", content.status().name());
        // the verb of PagerDuty's Events API and its kin: a reminder re-triggers the same dedup key
        body.put("eventAction", content.status() == AlertStatus.RESOLVED ? "resolve" : "trigger");
        body.put("severity", content.severity().label());
        body.put("level", level(content));
        body.put("title", content.title());
        body.put("taggedTitle", content.taggedTitle());
        body.put("headline", content.headline());
        body.put("reason", content.reason());
        body.put("summary", content.summary());
        body.put("note", content.note());
        body.put("runbook", content.runbook().orElse(""));
        body.put("colour", content.colour());
        body.put("checkId", event.checkId() == null ? "" : event.checkId());
        body.put("dependency", event.dependency());
        body.put("state", event.state().name());
        body.put("previousState", event.previousState().name());
        body.put("failureClass", event.failureClass() == null ? "" : event.failureClass().name());
        body.put("latencyMs", event.latency() == null ? null : event.latency().toMillis());
        body.put("incidentId", event.incidentId());
        body.put("eventId", event.id());
        body.put("since", event.since().toString());
        body.put("at", event.at().toString());
        List<Map<String, String>> facts = content.facts().stream()
                .map(fact -> Map.of("label", fact.label(), "value", fact.value())).toList();
        body.put("facts", facts);
        body.put("text", text(content));
        return body;
    }

    /** Headers of a message that carries several notifications: their count and keys instead of one key. */
    public static final String COUNT_HEADER = "SentinelNotificationCount";
    public static final String KEYS_HEADER = "SentinelNotificationKeys";

    /**
     * What a grouping route channel's route receives for one message, however many notifications it carries (one
     * included, so the route sees one shape): what people read about them together, with the same names as a
     * single notification's body ({@code title}, {@code taggedTitle}, {@code headline}, {@code reason},
     * {@code summary}, {@code text}, {@code severity}, {@code level}, {@code colour}, {@code status}), and each
     * notification's own body under {@code notifications}. The fields that name one alert ({@code key},
     * {@code incidentId}, {@code eventAction} …) are only there, since a message has several.
     */
    public static Map<String, Object> message(List<Notification> notifications, Instant now) {
        if (notifications.isEmpty()) {
            throw new IllegalArgumentException("a message needs at least one notification");
        }
        List<NotificationContent> contents = notifications.stream().map(n -> NotificationContent.of(n, now)).toList();
        NotificationContent worst = contents.stream()
                .min(Comparator.comparing((NotificationContent content) -> content.status() == AlertStatus.RESOLVED)
                        .thenComparing(NotificationContent::severity))
                .orElseThrow();
        boolean one = contents.size() == 1;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channelId", notifications.get(0).channelId());
        body.put("count", contents.size());
        body.put("keys", contents.stream().map(NotificationContent::key).toList());
        body.put("status", worst.status().name());
        body.put("severity", worst.severity().label());
        body.put("level", level(worst));
        body.put("colour", worst.colour());
        String count = NotificationContent.count(contents);
        String titles = String.join(", ", contents.stream().map(NotificationContent::title).toList());
        body.put("title", one ? worst.title() : count + ": " + titles);
        body.put("taggedTitle", one ? worst.taggedTitle() : "[" + worst.severity().name() + "] " + count + ": " + titles);
        body.put("headline", one ? worst.headline() : count + ", decided together and sent as one message.");
        body.put("reason", one ? worst.reason() : String.join("\n", contents.stream()
                .map(content -> content.title() + (content.reason().isBlank() ? "" : ": " + content.reason())).toList()));
        body.put("summary", one ? worst.summary() : String.join("; ", contents.stream().map(NotificationContent::summary).toList()));
        body.put("text", String.join("\n\n", contents.stream().map(RouteNotification::text).toList()));
        body.put("notifications", notifications.stream().map(notification -> body(notification, now)).toList());
        return body;
    }

    /** The headers of {@link #message}. */
    public static Map<String, Object> messageHeaders(List<Notification> notifications) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(CHANNEL_HEADER, notifications.get(0).channelId());
        headers.put(COUNT_HEADER, notifications.size());
        headers.put(KEYS_HEADER, String.join(",", notifications.stream().map(Notification::key).toList()));
        headers.put(STATUS_HEADER, notifications.stream().anyMatch(n -> n.event().status() == AlertStatus.FIRING)
                ? AlertStatus.FIRING.name() : AlertStatus.RESOLVED.name());
        headers.put(SEVERITY_HEADER, notifications.stream().map(n -> n.event().severity()).min(Comparator.naturalOrder())
                .orElseThrow().label());
        return headers;
    }

    public static Map<String, Object> headers(Notification notification) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(KEY_HEADER, notification.key());
        headers.put(CHANNEL_HEADER, notification.channelId());
        headers.put(STATUS_HEADER, notification.event().status().name());
        headers.put(SEVERITY_HEADER, notification.event().severity().label());
        headers.put(KIND_HEADER, notification.kind().name());
        return headers;
    }

    /** The scale PagerDuty's Events API (and Opsgenie-like services) take. */
    private static String level(NotificationContent content) {
        return switch (content.severity()) {
            case CRITICAL -> "critical";
            case HIGH -> "error";
            case MEDIUM -> "warning";
        };
    }

    /** Title, headline, reason and facts as plain lines, for services that take one text field. */
    private static String text(NotificationContent content) {
        String facts = content.facts().stream().map(fact -> fact.label() + ": " + fact.value())
                .collect(Collectors.joining("\n"));
        String reason = content.reason().isBlank() ? "" : content.reason() + "\n";
        String runbook = content.runbook().map(link -> "\nRunbook: " + link).orElse("");
        return content.taggedTitle() + "\n" + content.headline() + "\n" + reason + facts + runbook;
    }
}
