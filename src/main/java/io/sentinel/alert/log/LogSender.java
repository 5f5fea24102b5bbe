package io.sentinel.alert.log;

import io.sentinel.alert.ChannelSender;
import io.sentinel.alert.DeliveryOutcome;
import io.sentinel.alert.Notification;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code log} channel: one line per notification on the {@code sentinel.alerts} logger, also when several
 * go out as one message (log lines are searched per check, not read as a conversation). Never fails.
 */
public final class LogSender implements ChannelSender {

    private static final Logger ALERTS = LoggerFactory.getLogger("sentinel.alerts");

    private final String channelId;

    public LogSender(String channelId) {
        this.channelId = channelId;
    }

    @Override
    public String channelId() {
        return channelId;
    }

    @Override
    public DeliveryOutcome deliver(List<Notification> message) {
        message.forEach(LogSender::log);
        return new DeliveryOutcome.Delivered();
    }

    private static void log(Notification notification) {
        var event = notification.event();
        String note = notification.note().isEmpty() ? "" : " [" + notification.note() + "]";
        ALERTS.warn("{}{} (incident {}, since {})", event.summary(), note, event.incidentId(), event.since());
    }
}
