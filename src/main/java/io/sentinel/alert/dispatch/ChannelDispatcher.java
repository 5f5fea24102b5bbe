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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one channel's notifications from the outbox in {@link DeliveryOrder} (an incident's notifications in
 * the order they happened, the oldest first across incidents), at the channel's {@link ChannelRate} (Slack: one
 * message a second, sooner for a few alerts after a quiet spell; {@link ChannelPace}). A message carries the
 * head of the queue and what may go with it ({@link Grouping}): a new head waits up to the grouping window for
 * the notifications decided with it. Every notification of a message is marked
 * delivered, retried or given up together, in one write, when the channel answers. A passing failure pauses
 * the whole channel ({@link ChannelPace}, {@link RetryPolicy}) and the same head is tried first when the
 * pause is over; once it goes through, the rest follow at the channel's rate. Each channel has its own
 * dispatcher, so a slow mail server delays only email.
 */
public final class ChannelDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelDispatcher.class);

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
    private final Grouping grouping;
    /** Notifications of a message the channel refused as a whole: each is tried alone, to find the one it refuses. */
    private final Set<String> alone = new HashSet<>();

    /** Every notification alone, never two closer together than {@code spacing}: what narrow tests use. */
    public ChannelDispatcher(ChannelSender sender, Outbox outbox, RetryPolicy retries, Duration spacing, Clock clock,
                             RandomGenerator random, Fallback fallback, DeliveryListener listener) {
        this(sender, outbox, retries, ChannelRate.every(spacing), Grouping.NONE, clock, random, fallback, listener);
    }

    public ChannelDispatcher(ChannelSender sender, Outbox outbox, RetryPolicy retries, ChannelRate rate,
                             Grouping grouping, Clock clock, RandomGenerator random, Fallback fallback,
                             DeliveryListener listener) {
        this.sender = sender;
        this.outbox = outbox;
        this.retries = retries;
        this.clock = clock;
        this.fallback = fallback;
        this.listener = listener;
        this.grouping = grouping;
        this.pace = new ChannelPace(rate, retries, random);
    }

    public String channelId() {
        return sender.channelId();
    }

    /**
     * Sends every message that is due and allowed now.
     *
     * @return when something will next be due, if anything may be sent at all
     */
    public synchronized Optional<Instant> deliverDue() {
        while (true) {
            List<OutboxEntry> unfinished = outbox.unfinishedFor(sender.channelId());
            Optional<OutboxEntry> next = DeliveryOrder.next(unfinished);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            Instant ready = ready(next.get());
            if (ready.isAfter(now)) {
                return Optional.of(later(ready, pace.freeAt(1)));
            }
            List<OutboxEntry> message = DeliveryOrder.message(unfinished, now, grouping.largest(), alone);
            // how soon depends on how many it carries: a few may use the burst, a storm waits for the steady pace
            Instant free = pace.freeAt(message.size());
            if (free.isAfter(now)) {
                return Optional.of(free);
            }
            deliver(message);
        }
    }

    /**
     * The head's own next attempt carries the channel's pause across a restart. A head never tried yet also
     * waits out the grouping window from when it was decided; an older one (a backlog, a released hold) has
     * waited longer than that already.
     */
    private Instant ready(OutboxEntry head) {
        Instant due = head.nextAttemptAt();
        return head.attempts() == 0 ? later(due, head.notification().createdAt().plus(grouping.window())) : due;
    }

    private void deliver(List<OutboxEntry> message) {
        Outbox.Claim claim = outbox.claim(message, clock.instant());
        if (claim == Outbox.Claim.UNKNOWN) {
            // the table cannot say who sends it: look again after a pause, as after a failure of the channel
            pace.failed(clock.instant(), Optional.empty());
            return;
        }
        if (claim == Outbox.Claim.TAKEN) {
            // another instance sends it or did; the outbox now waits for what that instance is still sending
            return;
        }
        DeliveryOutcome outcome = sender.deliver(message.stream().map(OutboxEntry::notification).toList());
        LOG.debug("Channel {}: {} for {}", sender.channelId(), outcome,
                message.size() == 1 ? message.get(0).key() : message.size() + " notifications");
        Instant now = clock.instant();
        if (outcome instanceof DeliveryOutcome.Delivered) {
            pace.answered(now, message.size());
            outbox.updateAll(message.stream().map(entry -> entry.delivered(now)).toList());
            message.forEach(entry -> {
                alone.remove(entry.key());
                listener.delivered(entry, Duration.between(entry.notification().event().at(), now));
            });
        } else if (outcome instanceof DeliveryOutcome.RetryLater retry) {
            channelFailed(message, retry, now);
        } else if (outcome instanceof DeliveryOutcome.Rejected rejected) {
            pace.answered(now, message.size());
            if (message.size() > 1 && !rejected.channelBroken()) {
                // the channel refused this message, not the channel: find the notification it refuses by trying
                // each alone, so the others are not lost with it
                message.forEach(entry -> alone.add(entry.key()));
            } else {
                message.forEach(entry -> giveUp(entry, rejected.reason(), rejected.channelBroken()));
            }
        }
    }

    private void channelFailed(List<OutboxEntry> message, DeliveryOutcome.RetryLater retry, Instant now) {
        Instant resume = pace.failed(now, retry.notBefore());
        OutboxEntry head = message.get(0);
        long pauseSeconds = (long) Math.ceil(Duration.between(now, resume).toMillis() / 1000.0);
        String reason = retry.reason() + "; " + sender.channelId() + " paused for "
                + Durations.format(Duration.ofSeconds(pauseSeconds));
        List<OutboxEntry> retried = message.stream()
                .filter(entry -> !retries.isTooOld(entry.notification().createdAt(), now)).toList();
        outbox.updateAll(retried.stream().map(entry -> entry.retryAt(resume, retry.reason())).toList());
        // one attempt, one report: a message of fifty must not log fifty lines per try
        if (!retried.isEmpty()) {
            listener.retrying(retried.get(0), retried.size() == 1 ? reason
                    : reason + " (with " + (retried.size() - 1) + " more in the same message)");
        }
        message.stream().filter(entry -> !retried.contains(entry)).forEach(entry ->
                giveUp(entry, "gave up after " + (entry.attempts() + 1) + " attempts: " + retry.reason(), false));
        giveUpTooOldBehind(head, message, retry.reason(), now);
    }

    /**
     * The channel has kept failing for longer than a notification may wait: every notification that has
     * waited that long behind the message goes over the other channels now, instead of one per pause.
     */
    private void giveUpTooOldBehind(OutboxEntry head, List<OutboxEntry> message, String reason, Instant now) {
        List<OutboxEntry> tooOld = outbox.unfinishedFor(sender.channelId()).stream()
                .filter(entry -> entry.state() == DeliveryState.PENDING && !entry.key().equals(head.key()))
                .filter(entry -> message.stream().noneMatch(sent -> sent.key().equals(entry.key())))
                .filter(entry -> retries.isTooOld(entry.notification().createdAt(), now))
                .toList();
        for (OutboxEntry entry : tooOld) {
            giveUp(entry, "gave up: not delivered within " + Durations.format(retries.giveUpAfter()) + " while "
                    + sender.channelId() + " kept failing: " + reason, false);
        }
    }

    private void giveUp(OutboxEntry entry, String reason, boolean channelBroken) {
        alone.remove(entry.key());
        outbox.update(entry.failed(reason));
        listener.failed(entry, reason);
        fallback.refused(entry.notification(), reason, channelBroken);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
