package io.sentinel.alert;

import io.sentinel.model.AlertStatus;
import io.sentinel.model.AlertEvent;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The incidents whose alert is firing, each with its latest FIRING event: what reminders repeat. */
public final class OpenIncidents {

    private final Map<String, AlertEvent> open = new ConcurrentHashMap<>();

    public void record(AlertEvent event) {
        if (event.status() == AlertStatus.FIRING) {
            open.put(event.incidentId(), event);
        } else {
            open.remove(event.incidentId());
        }
    }

    /** Rebuilds the open incidents from stored events (any order). */
    public void restore(List<AlertEvent> events) {
        events.stream().sorted(Comparator.comparing(AlertEvent::at)).forEach(this::record);
    }

    public boolean isOpen(String incidentId) {
        return open.containsKey(incidentId);
    }

    public Optional<AlertEvent> latest(String incidentId) {
        return Optional.ofNullable(open.get(incidentId));
    }

    public Collection<AlertEvent> all() {
        return List.copyOf(open.values());
    }
}
