package io.sentinel.incident;

import io.sentinel.model.AlertEvent;
import java.util.List;
import java.util.Objects;

/**
 * What the incident step concluded about a verdict's events: every event to record, the ones people are told
 * about (with a note when there is something to add), and what changed about incidents.
 *
 * @param events  every alert event to record, in order: the verdict's own and any the step raised itself
 *                (Sentinel lost connectivity)
 * @param notices the events people are told about now: a subset of {@code events}, or a held alert released
 * @param update  incidents opened or changed, alerts listed, facts recorded
 */
public record Correlation(List<AlertEvent> events, List<Notice> notices, IncidentUpdate update) {

    public static final Correlation NONE = new Correlation(List.of(), List.of(), IncidentUpdate.NONE);

    /**
     * An event to tell people about.
     *
     * @param event what happened
     * @param note  an extra line for people ("held while supabase-db was DOWN …"), or empty
     */
    public record Notice(AlertEvent event, String note) {
        public Notice {
            Objects.requireNonNull(event, "event");
            note = note == null ? "" : note;
        }
    }

    public Correlation {
        events = List.copyOf(events);
        notices = List.copyOf(notices);
        Objects.requireNonNull(update, "update");
    }

    public boolean isEmpty() {
        return events.isEmpty() && notices.isEmpty() && update.isEmpty();
    }
}
