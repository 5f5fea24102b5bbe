package io.sentinel.daemon;

import io.sentinel.alert.AlertDelivery;
import io.sentinel.alert.dispatch.ChannelRate;
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
import java.util.List;

/** Makes the sender for each configured channel, with the rate its service allows. */
final class ChannelSenders {

    private ChannelSenders() {
    }

    static List<AlertDelivery.Channel> of(AlertsConfig alerts, HttpCaller http, RouteCaller routes, Clock clock) {
        return alerts.channels().stream().map(channel -> of(channel, alerts, http, routes, clock)).toList();
    }

    private static AlertDelivery.Channel of(ChannelConfig channel, AlertsConfig alerts, HttpCaller http,
                                            RouteCaller routes, Clock clock) {
        Grouping grouping = Grouping.within(alerts.groupWindowFor(channel.id()));
        if (channel instanceof SlackChannelConfig slack) {
            return new AlertDelivery.Channel(new SlackSender(slack, http, clock),
                    new ChannelRate(SlackChannelConfig.SPACING, slack.burst()), grouping);
        }
        if (channel instanceof RouteChannelConfig route) {
            // Only when the channel sets its own window: the services a route reaches are often keyed per alert
            // (PagerDuty's dedup_key, Opsgenie's alias), where one message for several alerts would trigger one
            // and never resolve the others. The route paces itself if its service needs it (Teams, Discord).
            boolean groups = alerts.ownGroupWindow(route.id()).isPresent();
            return new AlertDelivery.Channel(new RouteChannelSender(route, routes, clock, groups), ChannelRate.UNLIMITED,
                    groups ? grouping : Grouping.NONE);
        }
        if (channel instanceof EmailChannelConfig email) {
            return new AlertDelivery.Channel(new EmailSender(email, clock), ChannelRate.UNLIMITED, grouping);
        }
        return new AlertDelivery.Channel(new LogSender(channel.id()), ChannelRate.UNLIMITED, grouping);
    }
}
