package io.sentinel.alert.dispatch;

import io.sentinel.alert.ChannelSender;
import io.sentinel.alert.DeliveryOutcome;
import io.sentinel.alert.Notification;
import io.sentinel.alert.outbox.DeliveryState;
import io.sentinel.alert.outbox.Outbox;
import io.sentinel.alert.outbox.OutboxEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Sends one channel's notifications from the outbox, one at a time, at most one per {@code spacing} (Slack
 * allows one message a second per webhook), honouring a channel-wide pause the channel asked for (a 429's
 * Retry-After). Each channel has its own dispatcher, so a slow mail server delays only email.
 */
public final class ChannelDispatcher {

    /** Hands a refused notification to the other channels. */
    @FunctionalInterface
    public interface Fallback {
        void refused(Notification notification, String reason, boolean channelBroken);
    }

    private final ChannelSender sender;
    private final Outbox outbox;
    private final RetryPolicy retries;
    private final Duration spacing;
    private final Clock clock;
    private final RandomGenerator random;
    private final Fallback fallback;
    private final DeliveryListener listener;
    private Instant nextSendAllowed = Instant.MIN;

    public ChannelDispatcher(ChannelSender sender, Outbox outbox, RetryPolicy retries, Duration spacing, Clock clock,
                             RandomGenerator random, Fallback fallback, DeliveryListener listener) {
        this.sender = sender;
        this.outbox = outbox;
        this.retries = retries;
        this.spacing = spacing;
        this.clock = clock;
        this.random = random;
        this.fallback = fallback;
        this.listener = listener;
    }

    public String channelId() {
        return sender.channelId();
    }

    /**
     * Sends every notification that is due and allowed now.
     *
     * @return when something will next be due, if anything is waiting
     */
    public synchronized Optional<Instant> deliverDue() {
        while (true) {
            Optional<OutboxEntry> next = outbox.unfinishedFor(sender.channelId()).stream()
                    .filter(entry -> entry.state() == DeliveryState.PENDING)
                    .findFirst();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            Instant due = later(next.get().nextAttemptAt(), nextSendAllowed);
            if (due.isAfter(now)) {
                return Optional.of(due);
            }
            deliver(next.get());
        }
    }

    private void deliver(OutboxEntry entry) {
        DeliveryOutcome outcome = sender.deliver(entry.notification());
        Instant now = clock.instant();
        nextSendAllowed = now.plus(spacing);
        if (outcome instanceof DeliveryOutcome.Delivered) {
            outbox.update(entry.delivered(now));
            listener.delivered(entry, Duration.between(entry.notification().event().at(), now));
        } else if (outcome instanceof DeliveryOutcome.RetryLater retry) {
            retryLater(entry, retry, now);
        } else if (outcome instanceof DeliveryOutcome.Rejected rejected) {
            outbox.update(entry.failed(rejected.reason()));
            listener.failed(entry, rejected.reason());
            fallback.refused(entry.notification(), rejected.reason(), rejected.channelBroken());
        }
    }

    private void retryLater(OutboxEntry entry, DeliveryOutcome.RetryLater retry, Instant now) {
        retry.notBefore().ifPresent(wait -> nextSendAllowed = later(nextSendAllowed, now.plus(wait)));
        if (retries.isTooOld(entry.notification().createdAt(), now)) {
            String reason = "gave up after " + (entry.attempts() + 1) + " attempts: " + retry.reason();
            outbox.update(entry.failed(reason));
            listener.failed(entry, reason);
            fallback.refused(entry.notification(), reason, false);
            return;
        }
        outbox.update(entry.retryAt(retries.nextAttempt(now, entry.attempts() + 1, retry.notBefore(), random),
                retry.reason()));
        listener.retrying(entry, retry.reason());
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
