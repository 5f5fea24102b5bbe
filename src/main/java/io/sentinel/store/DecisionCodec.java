package io.sentinel.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sentinel.model.AlertEvent;
import io.sentinel.alert.Decision;
import io.sentinel.alert.outbox.NotificationJson;
import io.sentinel.alert.outbox.OutboxEntry;
import io.sentinel.incident.IncidentUpdate;
import io.sentinel.json.Json;
import io.sentinel.rules.CheckState;
import io.sentinel.writer.LineCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A decision as one line of the decision spool: its state, its events, their notifications and its incident changes. */
final class DecisionCodec implements LineCodec<Decision> {

    // records also expose derived getters (AlertEvent.isAboutDependency): written, and ignored when read back
    private final ObjectMapper json = Json.mapper().copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Override
    public String toLine(Decision decision) {
        try {
            ObjectNode line = json.createObjectNode();
            if (decision.state() != null) {
                line.set("state", json.valueToTree(decision.state()));
            }
            line.set("events", json.valueToTree(decision.events()));
            ArrayNode notifications = line.putArray("notifications");
            for (OutboxEntry entry : decision.notifications()) {
                notifications.add(json.readTree(NotificationJson.write(entry)));
            }
            if (!decision.incidents().isEmpty()) {
                line.set("incidents", json.valueToTree(decision.incidents()));
            }
            return json.writeValueAsString(line);
        } catch (IOException unexpected) {
            throw new UncheckedIOException("cannot write a decision as JSON", unexpected);
        }
    }

    @Override
    public Decision fromLine(String line) {
        try {
            JsonNode node = json.readTree(line);
            CheckState state = node.hasNonNull("state") ? json.treeToValue(node.get("state"), CheckState.class) : null;
            List<AlertEvent> events = new ArrayList<>();
            for (JsonNode event : node.path("events")) {
                events.add(json.treeToValue(event, AlertEvent.class));
            }
            List<OutboxEntry> notifications = new ArrayList<>();
            for (JsonNode entry : node.path("notifications")) {
                notifications.add(NotificationJson.readEntry(json.writeValueAsString(entry)));
            }
            IncidentUpdate incidents = node.hasNonNull("incidents")
                    ? json.treeToValue(node.get("incidents"), IncidentUpdate.class) : IncidentUpdate.NONE;
            return new Decision(state, events, notifications, incidents);
        } catch (IOException torn) {
            throw new IllegalArgumentException("not a spooled decision: " + torn.getMessage(), torn);
        }
    }
}
