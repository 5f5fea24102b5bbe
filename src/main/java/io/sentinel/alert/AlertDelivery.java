package io.sentinel.alert;

import io.sentinel.alert.dispatch.ChannelDispatcher;
import io.sentinel.alert.dispatch.ChannelRate;
import io.sentinel.alert.dispatch.DeliveryListener;
import io.sentinel.alert.dispatch.DispatcherLoop;
import io.sentinel.alert.dispatch.Grouping;
import io.sentinel.alert.dispatch.RetryPolicy;
import io.sentinel.alert.outbox.Outbox;
import io.sentinel.secret.Redactor;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery side at run time: one dispatcher thread per channel, woken whenever the outbox gains work
 * for it, and the housekeeping that the {@code alert-housekeeping} route runs every few seconds: releasing or
 * suppressing held notifications when their silence ends, and writing reminders.
 */
public final class AlertDelivery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertDelivery.class);

    /** A channel's sender, how often its service lets us call it, and how it gathers notifications into messages. */
    public record Channel(ChannelSender sender, ChannelRate rate, Grouping grouping) {
    }

    private final Map<String, DispatcherLoop> loops = new LinkedHashMap<>();
    private final Outbox outbox;
    private final HeldNotifications held;
    private final Reminders reminders;
    private final Runnable stopWaking;

    public AlertDelivery(List<Channel> channels, Outbox outbox, ChannelDispatcher.Fallback fallback,
                         HeldNotifications held,
                         Reminders reminders, RetryPolicy retries, DeliveryListener listener, Clock clock) {
        this.outbox = outbox;
        this.held = held;
        this.reminders = reminders;
        Random random = new Random();
        for (Channel channel : channels) {
            ChannelDispatcher dispatcher = new ChannelDispatcher(channel.sender(), outbox, retries, channel.rate(),
                    channel.grouping(), clock, random, fallback, listener);
            loops.put(channel.sender().channelId(), new DispatcherLoop(dispatcher, clock));
        }
        this.stopWaking = outbox.onChange(entry -> {
            DispatcherLoop loop = loops.get(entry.channelId());
            if (loop != null) {
                loop.wake();
            }
        });
    }

    public void start() {
        loops.values().forEach(DispatcherLoop::start);
    }

    /** One round of housekeeping; a failure is logged and the next round tries again. */
    public void housekeep() {
        try {
            held.releaseEnded();
            reminders.run();
        } catch (RuntimeException bug) {
            LOG.error("Alert housekeeping failed; it runs again shortly: {}", Redactor.global().describe(bug));
        }
    }

    @Override
    public void close() {
        stopWaking.run();
        loops.values().forEach(DispatcherLoop::close);
    }
}
