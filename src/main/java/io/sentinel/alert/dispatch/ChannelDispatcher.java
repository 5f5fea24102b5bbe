package io.sentinel.alert.dispatch;

import io.sentinel.alert.ChannelSender;
import io.sentinel.alert.DeliveryOutcome;
import io.sentinel.alert.Notification;
import io.sentinel.alert.outbox.DeliveryState;
import io.sentinel.alert.outbox.Outbox;
import io.sentinel.alert.outbox.OutboxEntry;
import io.sentinel.config.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Sends one channel's notifications from the outbox, one at a time, in {@link DeliveryOrder} (an incident's
 * notifications in the order they happened, the oldest first across incidents), at most one per
 * {@code spacing}. A passing failure pauses the whole channel ({@link ChannelPace}, {@link RetryPolicy}) and
 * the same head notification is tried first when the pause is over; once it goes through, the rest follow at
 * the channel's rate. Each channel has its own dispatcher, so a slow mail server delays only email.
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
    private final Clock clock;
    private final Fallback fallback;
    private final DeliveryListener listener;
    private final ChannelPace pace;

    public ChannelDispatcher(ChannelSender sender, Outbox outbox, RetryPolicy retries, Duration spacing, Clock clock,
                             RandomGenerator random, Fallback fallback, DeliveryListener listener) {
        this.sender = sender;
        this.outbox = outbox;
        this.retries = retries;
        this.clock = clock;
        this.fallback = fallback;
        this.listener = listener;
        this.pace = new ChannelPace(spacing, retries, random);
    }

    public String channelId() {
        return sender.channelId();
    }

    /**
     * Sends every notification that is due and allowed now.
     *
     * @return when something will next be due, if anything may be sent at all
     */
    public synchronized Optional<Instant> deliverDue() {
        while (true) {
            Optional<OutboxEntry> next = DeliveryOrder.next(outbox.unfinishedFor(sender.channelId()));
            if (next.isEmpty()) {
                return Optional.empty();
            }
            // the head's own next attempt carries the channel's pause across a restart
            Instant due = later(next.get().nextAttemptAt(), pace.freeAt());
            if (due.isAfter(clock.instant())) {
                return Optional.of(due);
            }
            deliver(next.get());
        }
    }

    private void deliver(OutboxEntry entry) {
        DeliveryOutcome outcome = sender.deliver(entry.notification());
        Instant now = clock.instant();
        if (outcome instanceof DeliveryOutcome.Delivered) {
            pace.answered(now);
            outbox.update(entry.delivered(now));
            listener.delivered(entry, Duration.between(entry.notification().event().at(), now));
        } else if (outcome instanceof DeliveryOutcome.RetryLater retry) {
            channelFailed(entry, retry, now);
        } else if (outcome instanceof DeliveryOutcome.Rejected rejected) {
            pace.answered(now);
            giveUp(entry, rejected.reason(), rejected.channelBroken());
        }
    }

    private void channelFailed(OutboxEntry head, DeliveryOutcome.RetryLater retry, Instant now) {
        Instant resume = pace.failed(now, retry.notBefore());
        if (retries.isTooOld(head.notification().createdAt(), now)) {
            giveUp(head, "gave up after " + (head.attempts() + 1) + " attempts: " + retry.reason(), false);
        } else {
            outbox.update(head.retryAt(resume, retry.reason()));
            long pauseSeconds = (long) Math.ceil(Duration.between(now, resume).toMillis() / 1000.0);
            listener.retrying(head, retry.reason() + "; " + sender.channelId() + " paused for "
                    + Durations.format(Duration.ofSeconds(pauseSeconds)));
        }
        giveUpTooOldBehind(head, retry.reason(), now);
    }

    /**
     * The channel has kept failing for longer than a notification may wait: every notification that has
     * waited that long behind the head goes over the other channels now, instead of one per pause.
     */
    private void giveUpTooOldBehind(OutboxEntry head, String reason, Instant now) {
        List<OutboxEntry> tooOld = outbox.unfinishedFor(sender.channelId()).stream()
                .filter(entry -> entry.state() == DeliveryState.PENDING && !entry.key().equals(head.key()))
                .filter(entry -> retries.isTooOld(entry.notification().createdAt(), now))
                .toList();
        for (OutboxEntry entry : tooOld) {
            giveUp(entry, "gave up: not delivered within " + Durations.format(retries.giveUpAfter()) + " while "
                    + sender.channelId() + " kept failing: " + reason, false);
        }
    }

    private void giveUp(OutboxEntry entry, String reason, boolean channelBroken) {
        outbox.update(entry.failed(reason));
        listener.failed(entry, reason);
        fallback.refused(entry.notification(), reason, channelBroken);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
