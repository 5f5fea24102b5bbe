package io.sentinel.daemon;

import io.sentinel.alert.AlertDelivery;
import io.sentinel.alert.dispatch.Grouping;
import io.sentinel.alert.email.EmailSender;
import io.sentinel.alert.log.LogSender;
import io.sentinel.alert.route.RouteCaller;
import io.sentinel.alert.route.RouteChannelSender;
import io.sentinel.alert.slack.SlackSender;
import io.sentinel.config.AlertsConfig;
import io.sentinel.config.ChannelConfig;
import io.sentinel.config.EmailChannelConfig;
import io.sentinel.config.RouteChannelConfig;
import io.sentinel.config.SlackChannelConfig;
import io.sentinel.http.HttpCaller;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Makes the sender for each configured channel, with the spacing its service requires. */
final class ChannelSenders {

    /** Slack allows about one message per second per webhook, and may disable a webhook that keeps exceeding it. */
    static final Duration SLACK_SPACING = Duration.ofSeconds(1);

    private ChannelSenders() {
    }

    static List<AlertDelivery.Channel> of(AlertsConfig alerts, HttpCaller http, RouteCaller routes, Clock clock) {
        return alerts.channels().stream()
                .map(channel -> of(channel, Grouping.within(alerts.groupWindowFor(channel.id())), http, routes, clock)).toList();
    }

    private static AlertDelivery.Channel of(ChannelConfig channel, Grouping grouping, HttpCaller http, RouteCaller routes,
                                            Clock clock) {
        if (channel instanceof SlackChannelConfig slack) {
            return new AlertDelivery.Channel(new SlackSender(slack, http, clock), SLACK_SPACING, grouping);
        }
        if (channel instanceof RouteChannelConfig route) {
            // the route paces itself if its service needs it (Teams, Discord): the outbox still sends one at a time,
            // and a route answers for one notification, so its messages are never grouped
            return new AlertDelivery.Channel(new RouteChannelSender(route, routes, clock), Duration.ZERO,
                    Grouping.NONE);
        }
        if (channel instanceof EmailChannelConfig email) {
            return new AlertDelivery.Channel(new EmailSender(email, clock), Duration.ZERO, grouping);
        }
        return new AlertDelivery.Channel(new LogSender(channel.id()), Duration.ZERO, grouping);
    }
}
