package io.sentinel.alert;

import io.sentinel.model.AlertEvent;
import io.sentinel.alert.outbox.OutboxEntry;
import io.sentinel.rules.CheckState;
import java.util.List;
import java.util.Optional;

/**
 * One decision, committed as a unit: a check's new state, the alert events it raised and the notifications
 * they go out as. Either all of it survives a crash or none of it does, so a state change is never kept
 * without its alert (the check would stay DOWN and nobody be told) nor an alert sent without its state
 * (a restart would decide it again and tell people twice).
 *
 * @param state         the check's new state, or null when the decision changes no check (a breaker, a budget)
 * @param events        the alert events, in order
 * @param notifications one outbox entry per event and channel
 */
public record Decision(CheckState state, List<AlertEvent> events, List<OutboxEntry> notifications) {

    public Decision {
        events = List.copyOf(events);
        notifications = List.copyOf(notifications);
    }

    public Optional<CheckState> checkState() {
        return Optional.ofNullable(state);
    }
}
