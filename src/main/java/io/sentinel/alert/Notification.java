package io.sentinel.alert;

import io.sentinel.model.AlertEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One message to one channel about one alert event: the unit that is stored in the outbox before it is
 * sent, retried until delivered, and sent once per {@link #key()}.
 *
 * @param key        idempotency key: incident (or check), transition and channel
 * @param channelId  the channel it goes to
 * @param kind       alert, reminder, or a broken-channel warning
 * @param event      what happened
 * @param runbook    the check's runbook link, when it has one
 * @param note       an extra line for people ("reminder 2 — still firing", "Slack is broken: no_service"), or empty
 * @param createdAt  when it was written to the outbox
 */
public record Notification(String key, String channelId, NotificationKind kind, AlertEvent event,
                           Optional<String> runbook, String note, Instant createdAt) {

    public Notification {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(runbook, "runbook");
        note = note == null ? "" : note;
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The stable title used by every channel: {@code supabase-db DOWN}, {@code google-places breaker DOWN}. */
    public String title() {
        return event.subject() + " " + event.state();
    }
}
