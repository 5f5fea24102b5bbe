package io.sentinel.alert.outbox;

import io.sentinel.alert.Notification;
import java.time.Instant;
import java.util.Objects;

/**
 * A notification in the outbox, with its delivery bookkeeping.
 *
 * @param notification  what to send
 * @param state         where it stands
 * @param attempts      delivery attempts so far
 * @param nextAttemptAt when it may be tried (again)
 * @param lastError     the last failure, or why it is held; empty when none
 * @param deliveredAt   when the channel took it, else null
 */
public record OutboxEntry(Notification notification, DeliveryState state, int attempts, Instant nextAttemptAt,
                          String lastError, Instant deliveredAt) {

    public OutboxEntry {
        Objects.requireNonNull(notification, "notification");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        lastError = lastError == null ? "" : lastError;
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts cannot be negative");
        }
    }

    public static OutboxEntry pending(Notification notification) {
        return new OutboxEntry(notification, DeliveryState.PENDING, 0, notification.createdAt(), "", null);
    }

    public static OutboxEntry held(Notification notification, String why) {
        return new OutboxEntry(notification, DeliveryState.HELD, 0, notification.createdAt(), why, null);
    }

    public String key() {
        return notification.key();
    }

    public String channelId() {
        return notification.channelId();
    }

    public OutboxEntry delivered(Instant at) {
        return new OutboxEntry(notification, DeliveryState.DELIVERED, attempts + 1, nextAttemptAt, "", at);
    }

    public OutboxEntry retryAt(Instant next, String error) {
        return new OutboxEntry(notification, DeliveryState.PENDING, attempts + 1, next, error, null);
    }

    public OutboxEntry failed(String error) {
        return new OutboxEntry(notification, DeliveryState.FAILED, attempts + 1, nextAttemptAt, error, null);
    }

    /** A held notification, sent now after all, with a note saying why it comes late. */
    public OutboxEntry released(Instant at, String note) {
        Notification withNote = new Notification(notification.key(), notification.channelId(), notification.kind(),
                notification.event(), notification.runbook(),
                notification.note().isEmpty() ? note : notification.note() + " — " + note, notification.createdAt());
        return new OutboxEntry(withNote, DeliveryState.PENDING, attempts, at, "", null);
    }

    public OutboxEntry suppressed(String why) {
        return new OutboxEntry(notification, DeliveryState.SUPPRESSED, attempts, nextAttemptAt, why, null);
    }
}
