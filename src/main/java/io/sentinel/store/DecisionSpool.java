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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decisions made while the database is down, one JSON line each, written with {@code SYNC} before anyone is
 * told: a crash in the middle of an outage keeps every decision that was announced.
 */
final class DecisionSpool {

    static final String FILE_NAME = "decisions.spool.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(DecisionSpool.class);

    private final Path file;
    // records also expose derived getters (AlertEvent.isAboutDependency): written, and ignored when read back
    private final ObjectMapper json = Json.mapper().copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    DecisionSpool(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    Path file() {
        return file;
    }

    synchronized void append(Decision decision) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, write(decision) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException diskTrouble) {
            throw new UncheckedIOException("cannot write the decision spool " + file, diskTrouble);
        }
    }

    synchronized boolean isEmpty() {
        return !Files.exists(file);
    }

    /** Every spooled decision, oldest first; a line cut short by a crash is skipped (it was never announced). */
    synchronized List<Decision> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Decision> decisions = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    decisions.add(read(line));
                } catch (IOException | RuntimeException torn) {
                    LOG.warn("Skipping an unreadable line in the decision spool {} (a crash while writing?)", file);
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read the decision spool " + file, unreadable);
        }
        return decisions;
    }

    /** Removes the spool once its decisions are in the database. */
    synchronized void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException stuck) {
            throw new UncheckedIOException("cannot remove the decision spool " + file, stuck);
        }
    }

    private String write(Decision decision) throws IOException {
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
    }

    private Decision read(String line) throws IOException {
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
    }
}
