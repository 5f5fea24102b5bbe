package io.sentinel.alert;

import java.util.List;

/**
 * Delivers notifications to one configured channel. Called from that channel's dispatcher thread only, one
 * message at a time; never from a probe thread. Never throws: every failure is a {@link DeliveryOutcome}.
 */
public interface ChannelSender {

    String channelId();

    DeliveryOutcome deliver(Notification notification);

    /**
     * Delivers several notifications as one message (one Slack post, one email), so alerts decided together
     * reach people together. The outcome is the message's: all of them were taken, or none.
     *
     * <p>Channels that cannot combine notifications take only one at a time; their dispatcher never groups.
     */
    default DeliveryOutcome deliver(List<Notification> message) {
        if (message.size() != 1) {
            throw new UnsupportedOperationException(channelId() + " sends one notification per message");
        }
        return deliver(message.get(0));
    }
}
