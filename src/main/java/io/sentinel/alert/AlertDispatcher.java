package io.sentinel.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records each alert event and writes it to the log channel. */
public final class AlertDispatcher {

    private static final Logger ALERTS = LoggerFactory.getLogger("sentinel.alerts");

    private final AlertEventRepository events;

    public AlertDispatcher(AlertEventRepository events) {
        this.events = events;
    }

    public AlertEvent dispatch(AlertEvent event) {
        events.save(event);
        ALERTS.warn("{} (incident {}, since {})", event.summary(), event.incidentId(), event.since());
        return event;
    }
}
