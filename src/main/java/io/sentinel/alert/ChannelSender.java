package io.sentinel.alert;

/**
 * Delivers notifications to one configured channel. Called from that channel's dispatcher thread only, one
 * notification at a time; never from a probe thread. Never throws: every failure is a {@link DeliveryOutcome}.
 */
public interface ChannelSender {

    String channelId();

    DeliveryOutcome deliver(Notification notification);
}
