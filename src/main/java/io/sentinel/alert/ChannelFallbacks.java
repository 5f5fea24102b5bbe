package io.sentinel.alert;

import io.sentinel.alert.dispatch.ChannelDispatcher;
import io.sentinel.alert.outbox.Outbox;
import io.sentinel.alert.outbox.OutboxEntry;
import java.time.Clock;
import java.time.Instant;

/**
 * A channel refused a notification for good: its content goes out over every other channel, with a warning
 * that the channel needs fixing, so the alert itself is not lost. Part of delivery: it writes to the outbox
 * and never goes back through the alert router.
 */
public final class ChannelFallbacks implements ChannelDispatcher.Fallback {

    private final AlertPolicy policy;
    private final Outbox outbox;
    private final Clock clock;

    public ChannelFallbacks(AlertPolicy policy, Outbox outbox, Clock clock) {
        this.policy = policy;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void refused(Notification refused, String reason, boolean channelBroken) {
        Instant now = clock.instant();
        String note = ChannelBrokenNote.of(policy.channelLabel(refused.channelId()), refused.channelId(),
                (channelBroken ? "" : "it refused this alert: ") + reason) + " — this alert is sent here instead";
        for (String channel : policy.fallbacksFor(refused.channelId())) {
            outbox.add(OutboxEntry.pending(new Notification(NotificationKeys.fallback(refused.key(), channel), channel,
                    NotificationKind.CHANNEL_BROKEN, refused.event(), refused.runbook(), note, now)));
        }
    }
}
