package io.sentinel.alert.dispatch;

import io.sentinel.alert.outbox.DeliveryState;
import io.sentinel.alert.outbox.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which of a channel's notifications leaves next.
 *
 * <ul>
 *   <li>Within one incident, in the order things happened: nothing of an incident leaves while an earlier
 *       notification of it on this channel is unfinished (still to be sent, being retried, or held by a
 *       silence). Finished ones (delivered, given up, suppressed, refused and sent elsewhere) block nothing.
 *       "Earlier" is by the time of the alert event, then by when it was written: a reminder carries the
 *       FIRING event it repeats, so one written just after the RESOLVED still goes before it; and a FIRING
 *       another channel refused and handed over here goes before that incident's RESOLVED if that is
 *       still waiting here.</li>
 *   <li>Across incidents, first written, first sent: the oldest sendable notification is the head of the
 *       channel's queue, and it is the one retried after a failure.</li>
 *   <li>One message carries the head and the sendable notifications behind it, at most one of each incident
 *       (the next of an incident waits for the message before it), so the order within an incident holds
 *       across messages too.</li>
 * </ul>
 */
public final class DeliveryOrder {

    static final Comparator<OutboxEntry> WITHIN_INCIDENT = Comparator
            .comparing((OutboxEntry entry) -> entry.notification().event().at())
            .thenComparing(entry -> entry.notification().createdAt())
            .thenComparing(OutboxEntry::key);

    private DeliveryOrder() {
    }

    /**
     * @param unfinished the channel's unfinished notifications, oldest written first
     *                   ({@link io.sentinel.alert.outbox.Outbox#unfinishedFor})
     * @return the notification to send next; empty when nothing may be sent
     */
    public static Optional<OutboxEntry> next(List<OutboxEntry> unfinished) {
        return sendable(unfinished).stream().findFirst();
    }

    /**
     * The notifications one message carries: the head ({@link #next}) first, then the other sendable ones due
     * by {@code now}, in the channel's order, up to {@code largest}. A notification in {@code alone} (its
     * channel refused a message it was part of) goes in a message of its own.
     *
     * @return empty when nothing may be sent
     */
    public static List<OutboxEntry> message(List<OutboxEntry> unfinished, Instant now, int largest, Set<String> alone) {
        List<OutboxEntry> sendable = sendable(unfinished);
        if (sendable.isEmpty()) {
            return List.of();
        }
        OutboxEntry head = sendable.get(0);
        List<OutboxEntry> message = new ArrayList<>(List.of(head));
        if (alone.contains(head.key())) {
            return message;
        }
        for (OutboxEntry entry : sendable.subList(1, sendable.size())) {
            if (message.size() >= largest) {
                break;
            }
            if (!entry.nextAttemptAt().isAfter(now) && !alone.contains(entry.key())) {
                message.add(entry);
            }
        }
        return message;
    }

    /** Pending notifications that no earlier notification of their incident holds back, in the channel's order. */
    private static List<OutboxEntry> sendable(List<OutboxEntry> unfinished) {
        Map<String, OutboxEntry> earliestOfIncident = new HashMap<>();
        for (OutboxEntry entry : unfinished) {
            earliestOfIncident.merge(incident(entry), entry,
                    (known, other) -> WITHIN_INCIDENT.compare(known, other) <= 0 ? known : other);
        }
        return unfinished.stream()
                .filter(entry -> entry.state() == DeliveryState.PENDING)
                .filter(entry -> earliestOfIncident.get(incident(entry)) == entry)
                .toList();
    }

    private static String incident(OutboxEntry entry) {
        return entry.notification().event().incidentId();
    }
}
