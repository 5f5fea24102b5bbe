package io.sentinel.alert.route;

import io.sentinel.alert.ChannelSender;
import io.sentinel.alert.DeliveryOutcome;
import io.sentinel.alert.Notification;
import io.sentinel.config.RouteChannelConfig;
import io.sentinel.secret.Redactor;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code type: route} channel: the dispatcher hands each notification to the channel's {@code direct:} route
 * ({@link RouteNotification} body and headers) and reads the route's answer ({@link RouteReplies}), so a channel
 * written in YAML has the outbox, order, pacing and retries of Slack and email.
 */
public final class RouteChannelSender implements ChannelSender {

    private static final Logger LOG = LoggerFactory.getLogger(RouteChannelSender.class);

    private final RouteChannelConfig config;
    private final RouteCaller routes;
    private final Clock clock;

    public RouteChannelSender(RouteChannelConfig config, RouteCaller routes, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.routes = Objects.requireNonNull(routes, "routes");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String channelId() {
        return config.id();
    }

    @Override
    public DeliveryOutcome deliver(Notification notification) {
        DeliveryOutcome outcome;
        try {
            outcome = RouteReplies.outcome(config.endpoint(), routes.call(config.endpoint(),
                    RouteNotification.body(notification, clock.instant()), RouteNotification.headers(notification)));
        } catch (RuntimeException unexpected) {
            // Camel not running (a stop under way) is passing; the contract is never to throw
            outcome = new DeliveryOutcome.RetryLater(config.endpoint() + " could not be called: "
                    + Redactor.global().describe(unexpected), java.util.Optional.empty());
        }
        LOG.debug("Route channel {}: {} for {}", config.id(), outcome, notification.key());
        return outcome;
    }
}
