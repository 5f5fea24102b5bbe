package io.sentinel.report.incident;

import io.sentinel.alert.Notification;
import io.sentinel.alert.NotificationKind;
import io.sentinel.alert.outbox.OutboxEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Each notification of the incident: when it was queued for its channel, and when it was delivered; or, when it
 * was not, where it stands (held, refused, still being retried).
 */
final class NotificationFacts implements TimelineSource {

    private final IncidentRecords repository;

    NotificationFacts(IncidentRecords repository) {
        this.repository = repository;
    }

    @Override
    public List<TimelineEntry> entries(IncidentScope scope) {
        List<TimelineEntry> entries = new ArrayList<>();
        List<OutboxEntry> notifications = new ArrayList<>();
        scope.alertIds().forEach(alert -> notifications.addAll(repository.notifications(alert)));
        for (OutboxEntry entry : notifications) {
            Notification notification = entry.notification();
            String what = what(notification);
            entries.add(new TimelineEntry(notification.createdAt(), TimelineEntry.NOTIFICATION,
                    what + " queued for " + entry.channelId() + outcome(entry)));
            if (entry.deliveredAt() != null) {
                entries.add(new TimelineEntry(entry.deliveredAt(), TimelineEntry.NOTIFICATION, what + " delivered to "
                        + entry.channelId() + " (" + attempts(entry.attempts()) + ")"));
            }
        }
        return entries;
    }

    /** {@code FIRING db-ping DOWN}, {@code reminder db-ping DOWN}, {@code channel-broken warning …}. */
    private static String what(Notification notification) {
        String kind = notification.kind() == NotificationKind.ALERT ? notification.event().status().name()
                : notification.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return kind + " " + notification.title();
    }

    /** Where an undelivered notification stands; nothing for a delivered one, which gets a line of its own. */
    private static String outcome(OutboxEntry entry) {
        String error = entry.lastError().isEmpty() ? "" : ": " + entry.lastError();
        return switch (entry.state()) {
            case DELIVERED -> "";
            case PENDING -> entry.attempts() == 0 ? ", not sent yet"
                    : ", not delivered yet after " + attempts(entry.attempts()) + error;
            case HELD -> ", held" + error;
            case SUPPRESSED -> ", held and then not sent" + error;
            case FAILED -> ", refused by the channel for good after " + attempts(entry.attempts()) + error;
        };
    }

    private static String attempts(int attempts) {
        return attempts == 1 ? "1 attempt" : attempts + " attempts";
    }
}
