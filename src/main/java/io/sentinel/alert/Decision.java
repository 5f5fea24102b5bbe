package io.sentinel.alert;

import io.sentinel.model.AlertEvent;
import io.sentinel.alert.outbox.OutboxEntry;
import io.sentinel.incident.IncidentUpdate;
import io.sentinel.rules.CheckState;
import java.util.List;
import java.util.Optional;

/**
 * One decision, committed as a unit: a check's new state, the alert events it raised, the notifications
 * they go out as, and what they changed about incidents. Either all of it survives a crash or none of it does, so a state change is never kept
 * without its alert (the check would stay DOWN and nobody be told) nor an alert sent without its state
 * (a restart would decide it again and tell people twice).
 *
 * @param state         the check's new state, or null when the decision changes no check (a breaker, a budget)
 * @param events        the alert events, in order
 * @param notifications one outbox entry per event and channel
 * @param incidents     incidents opened or changed, alerts listed in them, facts recorded
 */
public record Decision(CheckState state, List<AlertEvent> events, List<OutboxEntry> notifications,
                       IncidentUpdate incidents) {

    public Decision {
        events = List.copyOf(events);
        notifications = List.copyOf(notifications);
        incidents = incidents == null ? IncidentUpdate.NONE : incidents;
    }

    public Decision(CheckState state, List<AlertEvent> events, List<OutboxEntry> notifications) {
        this(state, events, notifications, IncidentUpdate.NONE);
    }

    /** True when there is nothing to commit. */
    public boolean isEmpty() {
        return state == null && events.isEmpty() && notifications.isEmpty() && incidents.isEmpty();
    }

    public Optional<CheckState> checkState() {
        return Optional.ofNullable(state);
    }
}
