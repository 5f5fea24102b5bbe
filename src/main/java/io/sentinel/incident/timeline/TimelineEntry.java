package io.sentinel.incident.timeline;

import java.time.Instant;
import java.util.Objects;

/**
 * One fact on an incident's timeline, with the moment it happened.
 *
 * @param at      when
 * @param kind    what kind of fact ({@code FIRST_FAILED_PROBE}, {@code ALERT_FIRED}, {@code BREAKER_OPENED},
 *                {@code NOTIFICATION_DELIVERED}, {@code RECOVERED} …; see docs/api.md)
 * @param subject the check, breaker or alert it is about, or empty for the incident as a whole
 * @param channel the channel, for a notification's fact; else empty
 * @param text    the fact in words
 */
public record TimelineEntry(Instant at, String kind, String subject, String channel, String text) {

    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        subject = subject == null ? "" : subject;
        channel = channel == null ? "" : channel;
        Objects.requireNonNull(text, "text");
    }
}
