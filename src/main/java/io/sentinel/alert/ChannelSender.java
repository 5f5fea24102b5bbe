package io.sentinel.alert;

import java.util.List;

/**
 * Delivers notifications to one configured channel. Called from that channel's dispatcher thread only, one
 * message at a time; never from a probe thread. Never throws: every failure is a {@link DeliveryOutcome}.
 */
public interface ChannelSender {

    String channelId();

    /**
     * Delivers one message: one notification, or several (one Slack post, one email), so alerts decided together
     * reach people together. The outcome is the message's: all of them were taken, or none.
     *
     * <p>Channels that cannot combine notifications take only one at a time; their dispatcher never groups.
     */
    DeliveryOutcome deliver(List<Notification> message);

    /** One notification as a message of its own. */
    default DeliveryOutcome deliver(Notification notification) {
        return deliver(List.of(notification));
    }
}
