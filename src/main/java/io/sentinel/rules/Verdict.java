package io.sentinel.rules;

import io.sentinel.model.AlertEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the rules concluded from one result: the check's new state when it changed, and the alert events
 * raised. Downstream it becomes one decision, committed as a unit with its notifications, so a crash can
 * never keep the state change and lose the alert, or the reverse.
 *
 * @param changedState the check's state when it changed (to be stored with the events), else null
 * @param events       alert events, in the order they were raised
 */
public record Verdict(CheckState changedState, List<AlertEvent> events) {

    public static final Verdict NONE = new Verdict(null, List.of());

    public Verdict {
        events = List.copyOf(events);
    }

    public static Verdict of(List<AlertEvent> events) {
        return events.isEmpty() ? NONE : new Verdict(null, events);
    }

    public boolean isEmpty() {
        return changedState == null && events.isEmpty();
    }

    public Optional<CheckState> state() {
        return Optional.ofNullable(changedState);
    }

    /** The first event, for callers that raise at most one. */
    public Optional<AlertEvent> event() {
        return events.stream().findFirst();
    }

    /** This verdict with more events after its own. */
    public Verdict and(List<AlertEvent> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<AlertEvent> all = new ArrayList<>(events);
        all.addAll(more);
        return new Verdict(changedState, all);
    }
}
