package io.sentinel.daemon;

import io.sentinel.alert.AlertDelivery;
import io.sentinel.alert.log.LogSender;
import io.sentinel.config.ChannelConfig;
import java.time.Duration;
import java.util.List;

/** Makes the sender for each configured channel. */
final class ChannelSenders {

    private ChannelSenders() {
    }

    static List<AlertDelivery.Channel> of(List<ChannelConfig> channels) {
        return channels.stream().map(ChannelSenders::of).toList();
    }

    private static AlertDelivery.Channel of(ChannelConfig channel) {
        return new AlertDelivery.Channel(new LogSender(channel.id()), Duration.ZERO);
    }
}
