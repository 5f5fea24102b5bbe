package io.sentinel.daemon;

import io.sentinel.alert.Decision;
import io.sentinel.incident.Incident;
import io.sentinel.incident.IncidentAlert;
import io.sentinel.incident.IncidentState;
import io.sentinel.incident.IncidentTracker;
import io.sentinel.model.AlertEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the incident tracker the incidents the previous run left unclosed: from the database, overlaid with
 * the decisions still waiting in the spool (they are newer). With the database down and nothing spooled,
 * incidents start afresh and the log says so.
 */
final class IncidentRestore {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentRestore.class);

    private IncidentRestore() {
    }

    static void into(IncidentTracker tracker, Storage storage, List<Decision> spooled, Clock clock) {
        Map<String, Incident> unclosed = new LinkedHashMap<>();
        List<IncidentAlert> listed = new ArrayList<>();
        boolean databaseRead = false;
        try {
            storage.incidents.unclosed().forEach(incident -> unclosed.put(incident.id(), incident));
            listed.addAll(storage.incidents.alertsOf(unclosed.keySet()));
            databaseRead = true;
        } catch (RuntimeException unavailable) {
            LOG.warn("Could not restore open incidents ({}); they continue from the decisions in the local spool,"
                    + " or start afresh", unavailable.getMessage());
        }
        for (Decision decision : spooled) {
            decision.incidents().incidents().forEach(incident -> unclosed.put(incident.id(), incident));
            listed.addAll(decision.incidents().alerts());
        }
        unclosed.values().removeIf(incident -> incident.state() == IncidentState.CLOSED);
        List<AlertEvent> spooledEvents = spooled.stream().flatMap(decision -> decision.events().stream()).toList();
        boolean fromDatabase = databaseRead;
        tracker.restore(unclosed.values(), listed.stream().filter(alert -> unclosed.containsKey(alert.incidentId())).toList(),
                alertId -> Stream.concat(fromDatabase ? events(storage, alertId).stream() : Stream.empty(),
                        spooledEvents.stream().filter(event -> event.incidentId().equals(alertId))).toList(),
                clock.instant());
    }

    private static List<AlertEvent> events(Storage storage, String alertId) {
        try {
            return storage.alertEvents.forIncident(alertId);
        } catch (RuntimeException unavailable) {
            return List.of();
        }
    }
}
