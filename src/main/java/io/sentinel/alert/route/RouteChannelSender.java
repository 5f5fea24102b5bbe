package io.sentinel.alert.route;

import io.sentinel.alert.ChannelSender;
import io.sentinel.alert.DeliveryOutcome;
import io.sentinel.alert.Notification;
import io.sentinel.config.RouteChannelConfig;
import io.sentinel.secret.Redactor;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code type: route} channel: the dispatcher hands each notification to the channel's {@code direct:} route
 * ({@link RouteNotification} body and headers) and reads the route's answer ({@link RouteReplies}), so a channel
 * written in YAML has the outbox, order, pacing and retries of Slack and email.
 *
 * <p>A channel that groups (its own {@code groupWindow} is set) hands the route one message instead, whatever the
 * number of notifications in it ({@link RouteNotification#message}), and the route's answer is the message's.
 */
public final class RouteChannelSender implements ChannelSender {


    private final RouteChannelConfig config;
    private final RouteCaller routes;
    private final Clock clock;
    private final boolean grouping;

    /** A channel whose route answers for one notification at a time. */
    public RouteChannelSender(RouteChannelConfig config, RouteCaller routes, Clock clock) {
        this(config, routes, clock, false);
    }

    /** @param grouping whether the route receives messages ({@link RouteNotification#message}) */
    public RouteChannelSender(RouteChannelConfig config, RouteCaller routes, Clock clock, boolean grouping) {
        this.config = Objects.requireNonNull(config, "config");
        this.routes = Objects.requireNonNull(routes, "routes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.grouping = grouping;
    }

    @Override
    public String channelId() {
        return config.id();
    }

    @Override
    public DeliveryOutcome deliver(List<Notification> message) {
        if (!grouping && message.size() != 1) {
            throw new UnsupportedOperationException(config.id() + " sends one notification per message");
        }
        Map<String, Object> body = grouping ? RouteNotification.message(message, clock.instant())
                : RouteNotification.body(message.get(0), clock.instant());
        Map<String, Object> headers = grouping ? RouteNotification.messageHeaders(message)
                : RouteNotification.headers(message.get(0));
        try {
            return RouteReplies.outcome(config.endpoint(), routes.call(config.endpoint(), body, headers));
        } catch (RuntimeException unexpected) {
            // Camel not running (a stop under way) is passing; the contract is never to throw
            return new DeliveryOutcome.RetryLater(config.endpoint() + " could not be called: "
                    + Redactor.global().describe(unexpected), java.util.Optional.empty());
        }
    }
}
