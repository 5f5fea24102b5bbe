package io.sentinel.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sentinel.alert.dispatch.DeliveryListener;
import io.sentinel.alert.outbox.Outbox;
import io.sentinel.alert.outbox.OutboxEntry;
import java.time.Duration;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code sentinel_notifications_total{channel,result}} (delivered, retried, failed),
 * {@code sentinel_notifications_pending{channel}}, and {@code sentinel_notification_delivery_seconds{channel}}
 * (from the alert event to the channel taking it). Also logs failures, once per attempt.
 */
public final class AlertMetrics implements DeliveryListener {

    private static final Logger LOG = LoggerFactory.getLogger(AlertMetrics.class);
    private static final Duration[] BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(5)};

    private final MeterRegistry registry;

    public AlertMetrics(MeterRegistry registry, Outbox outbox, Collection<String> channels) {
        this.registry = registry;
        for (String channel : channels) {
            Gauge.builder("sentinel.notifications.pending", outbox, box -> box.unfinishedFor(channel).size())
                    .description("Notifications waiting to be delivered or held")
                    .tag("channel", channel)
                    .register(registry);
        }
    }

    @Override
    public void delivered(OutboxEntry entry, Duration sinceEvent) {
        count(entry, "delivered");
        Timer.builder("sentinel.notification.delivery")
                .description("From the alert event to the channel accepting the notification")
                .tag("channel", entry.channelId())
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(sinceEvent);
    }

    @Override
    public void retrying(OutboxEntry entry, String reason) {
        count(entry, "retried");
        LOG.warn("Notification {} to {} not delivered yet (attempt {}): {}", entry.key(), entry.channelId(),
                entry.attempts() + 1, reason);
    }

    @Override
    public void failed(OutboxEntry entry, String reason) {
        count(entry, "failed");
        LOG.error("Notification {} to {} failed for good: {}; sending it over the other channels", entry.key(),
                entry.channelId(), reason);
    }

    private void count(OutboxEntry entry, String result) {
        Counter.builder("sentinel.notifications")
                .description("Notification delivery attempts by result")
                .tags("channel", entry.channelId(), "result", result)
                .register(registry)
                .increment();
    }
}
