package io.sentinel.alert;

import io.sentinel.alert.outbox.Outbox;
import io.sentinel.alert.outbox.OutboxEntry;
import io.sentinel.alert.silence.Muting;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@code direct:alerts} calls for every alert event: records it, decides its channels, and writes one
 * notification per channel to the outbox, held back when a silence or maintenance window covers it. Sending
 * happens elsewhere (the dispatchers), so a slow channel never holds up the probe that raised the event.
 */
public final class AlertRouter {

    private final AlertPolicy policy;
    private final Outbox outbox;
    private final Muting muting;
    private final AlertEventRepository events;
    private final OpenIncidents incidents;
    private final Clock clock;

    public AlertRouter(AlertPolicy policy, Outbox outbox, Muting muting, AlertEventRepository events,
                       OpenIncidents incidents, Clock clock) {
        this.policy = policy;
        this.outbox = outbox;
        this.muting = muting;
        this.events = events;
        this.incidents = incidents;
        this.clock = clock;
    }

    public AlertEvent route(AlertEvent event) {
        events.save(event);
        incidents.record(event);
        if (event.status() == AlertStatus.RESOLVED && !policy.sendsResolved(event)) {
            return event;
        }
        Instant now = clock.instant();
        Optional<String> muted = muting.mutedBy(event, now);
        for (String channel : policy.channelsFor(event)) {
            Notification notification = new Notification(NotificationKeys.alert(event, channel), channel,
                    NotificationKind.ALERT, event, policy.runbook(event), "", now);
            outbox.add(muted.map(why -> OutboxEntry.held(notification, "held by " + why))
                    .orElseGet(() -> OutboxEntry.pending(notification)));
        }
        return event;
    }

    /**
     * A channel refused a notification for good: its content goes out over every other channel, with a
     * warning that the channel needs fixing, so the alert itself is not lost.
     */
    public void fallback(Notification refused, String reason, boolean channelBroken) {
        Instant now = clock.instant();
        String note = ChannelBrokenNote.of(policy.channelLabel(refused.channelId()), refused.channelId(),
                (channelBroken ? "" : "it refused this alert: ") + reason) + " — this alert is sent here instead";
        List<String> others = policy.fallbacksFor(refused.channelId());
        for (String channel : others) {
            outbox.add(OutboxEntry.pending(new Notification(NotificationKeys.fallback(refused.key(), channel), channel,
                    NotificationKind.CHANNEL_BROKEN, refused.event(), refused.runbook(), note, now)));
        }
    }
}
