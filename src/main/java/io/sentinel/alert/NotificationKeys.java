package io.sentinel.alert;

import io.sentinel.model.AlertEvent;

/**
 * Idempotency keys: one transition of one incident reaches one channel once. They are built from what the
 * event means (incident, status, state), not from random ids, so the same transition raised twice (after a
 * crash, a retry) maps to the same key and is not sent twice.
 */
public final class NotificationKeys {

    private NotificationKeys() {
    }

    /** {@code <incident>/FIRING-DOWN/<channel>}, {@code <incident>/RESOLVED-UP/<channel>}. */
    public static String alert(AlertEvent event, String channelId) {
        return event.incidentId() + "/" + event.status() + "-" + event.state() + "/" + channelId;
    }

    /** {@code <incident>/REMINDER-3/<channel>}: the third reminder of that incident. */
    public static String reminder(AlertEvent event, long number, String channelId) {
        return event.incidentId() + "/REMINDER-" + number + "/" + channelId;
    }

    /** A refused notification carried by another channel. */
    public static String fallback(String refusedKey, String channelId) {
        return refusedKey + "/FALLBACK/" + channelId;
    }
}
