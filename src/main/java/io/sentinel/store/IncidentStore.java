package io.sentinel.store;

import io.sentinel.config.Severity;
import io.sentinel.incident.AlertRole;
import io.sentinel.incident.FactKind;
import io.sentinel.incident.Incident;
import io.sentinel.incident.IncidentAlert;
import io.sentinel.incident.IncidentFact;
import io.sentinel.incident.IncidentRepository;
import io.sentinel.incident.IncidentState;
import io.sentinel.incident.IncidentUpdate;
import io.sentinel.writer.Outage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code incident}, {@code incident_alert} and {@code incident_fact} tables. Written only within a
 * decision's transaction ({@link #write}); read by the restart, the API and reports.
 */
public final class IncidentStore implements IncidentRepository {

    private static final String INCIDENT_COLUMNS = "id, dependency, state, severity, title, opened_at, recovered_at, closed_at";
    private static final String UPDATE_INCIDENT = "UPDATE incident SET state = ?, severity = ?, title = ?, opened_at = ?,"
            + " recovered_at = ?, closed_at = ?, dependency = ? WHERE id = ?";
    private static final String INSERT_INCIDENT = "INSERT INTO incident (state, severity, title, opened_at, recovered_at,"
            + " closed_at, dependency, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String ALERT_COLUMNS = "incident_id, alert_id, role, dependency, check_id, subject, held_by, joined_at";
    private static final String ALERT_EXISTS = "SELECT 1 FROM incident_alert WHERE incident_id = ? AND alert_id = ?";
    private static final String INSERT_ALERT = "INSERT INTO incident_alert (" + ALERT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String FACT_COLUMNS = "id, incident_id, at, kind, subject, text";
    private static final String FACT_EXISTS = "SELECT 1 FROM incident_fact WHERE id = ?";
    private static final String INSERT_FACT = "INSERT INTO incident_fact (" + FACT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";
    private static final int MAX_TEXT = 2000;
    private static final int MAX_TITLE = 500;

    private final Database database;

    public IncidentStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Writes what a decision changed about incidents within the decision's transaction. Idempotent: incidents are
     * stored in their latest form, alerts and facts only when absent, so a decision copied twice changes nothing.
     */
    static void write(Connection connection, IncidentUpdate update) throws SQLException {
        for (Incident incident : update.incidents()) {
            upsert(connection, incident);
        }
        for (IncidentAlert alert : update.alerts()) {
            if (!exists(connection, ALERT_EXISTS, alert.incidentId(), alert.alertId())) {
                try (PreparedStatement insert = connection.prepareStatement(INSERT_ALERT)) {
                    insert.setString(1, alert.incidentId());
                    insert.setString(2, alert.alertId());
                    SqlValues.setName(insert, 3, alert.role());
                    insert.setString(4, alert.dependency());
                    insert.setString(5, alert.checkId());
                    insert.setString(6, shorten(alert.subject(), 300));
                    insert.setString(7, alert.heldBy());
                    SqlValues.setInstant(insert, 8, alert.joinedAt());
                    insert.executeUpdate();
                }
            }
        }
        for (IncidentFact fact : update.facts()) {
            if (!exists(connection, FACT_EXISTS, fact.id())) {
                try (PreparedStatement insert = connection.prepareStatement(INSERT_FACT)) {
                    insert.setString(1, fact.id());
                    insert.setString(2, fact.incidentId());
                    SqlValues.setInstant(insert, 3, fact.at());
                    SqlValues.setName(insert, 4, fact.kind());
                    insert.setString(5, shorten(fact.subject(), 300));
                    insert.setString(6, shorten(fact.text(), MAX_TEXT));
                    insert.executeUpdate();
                }
            }
        }
    }

    private static void upsert(Connection connection, Incident incident) throws SQLException {
        if (update(connection, incident) > 0) {
            return;
        }
        // two leaders for a moment (a failover) may open the same incident at once
        if (!InsertUnlessTaken.insert(connection, INSERT_INCIDENT, insert -> bindIncident(insert, incident))) {
            update(connection, incident);
        }
    }

    private static int update(Connection connection, Incident incident) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE_INCIDENT)) {
            bindIncident(update, incident);
            return update.executeUpdate();
        }
    }

    /** The same parameters, in the same order, for the update and the insert. */
    private static void bindIncident(PreparedStatement statement, Incident incident) throws SQLException {
        SqlValues.setName(statement, 1, incident.state());
        SqlValues.setName(statement, 2, incident.severity());
        statement.setString(3, shorten(incident.title(), MAX_TITLE));
        SqlValues.setInstant(statement, 4, incident.openedAt());
        SqlValues.setInstant(statement, 5, incident.recoveredAt());
        SqlValues.setInstant(statement, 6, incident.closedAt());
        statement.setString(7, incident.dependency());
        statement.setString(8, incident.id());
    }

    private static boolean exists(Connection connection, String sql, String... keys) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement(sql)) {
            for (int i = 0; i < keys.length; i++) {
                exists.setString(i + 1, keys[i]);
            }
            try (ResultSet rows = exists.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public List<Incident> unclosed() {
        return incidents("SELECT " + INCIDENT_COLUMNS + " FROM incident WHERE state <> 'CLOSED' ORDER BY opened_at", List.of());
    }

    @Override
    public Optional<Incident> find(String incidentId) {
        return incidents("SELECT " + INCIDENT_COLUMNS + " FROM incident WHERE id = ?", List.of(incidentId)).stream().findFirst();
    }

    @Override
    public List<Incident> listing(String alertId) {
        return incidents("SELECT i.id, i.dependency, i.state, i.severity, i.title, i.opened_at, i.recovered_at, i.closed_at"
                + " FROM incident i JOIN incident_alert a ON a.incident_id = i.id WHERE a.alert_id = ?"
                + " ORDER BY i.opened_at DESC, i.id DESC", List.of(alertId));
    }

    @Override
    public List<Incident> find(Optional<Boolean> open, Optional<Instant> activeSince, int limit, int offset) {
        StringBuilder sql = new StringBuilder("SELECT " + INCIDENT_COLUMNS + " FROM incident WHERE 1 = 1");
        open.ifPresent(wanted -> sql.append(wanted ? " AND state = 'OPEN'" : " AND state <> 'OPEN'"));
        activeSince.ifPresent(since -> sql.append(" AND (state = 'OPEN' OR recovered_at >= ?)"));
        sql.append(" ORDER BY CASE WHEN state = 'OPEN' THEN 0 ELSE 1 END, COALESCE(recovered_at, opened_at) DESC, id DESC"
                + " LIMIT ? OFFSET ?");
        return query(sql.toString(), statement -> {
            int index = 1;
            if (activeSince.isPresent()) {
                SqlValues.setInstant(statement, index++, activeSince.get());
            }
            statement.setInt(index++, limit);
            statement.setInt(index, offset);
        }, IncidentStore::incident);
    }

    @Override
    public List<IncidentAlert> alertsOf(Collection<String> incidentIds) {
        if (incidentIds.isEmpty()) {
            return List.of();
        }
        List<String> ids = List.copyOf(incidentIds);
        String placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
        return query("SELECT " + ALERT_COLUMNS + " FROM incident_alert WHERE incident_id IN (" + placeholders + ")"
                + " ORDER BY joined_at, alert_id", statement -> bindAll(statement, ids), row -> new IncidentAlert(
                row.getString("incident_id"), row.getString("alert_id"),
                SqlValues.getEnum(row, "role", AlertRole::valueOf), row.getString("dependency"),
                row.getString("check_id"), row.getString("subject"), row.getString("held_by"),
                SqlValues.getInstant(row, "joined_at")));
    }

    @Override
    public List<IncidentFact> factsOf(String incidentId) {
        return query("SELECT " + FACT_COLUMNS + " FROM incident_fact WHERE incident_id = ? ORDER BY at, id",
                statement -> statement.setString(1, incidentId), row -> new IncidentFact(row.getString("id"),
                        row.getString("incident_id"), SqlValues.getInstant(row, "at"),
                        SqlValues.getEnum(row, "kind", FactKind::valueOf), row.getString("subject"), row.getString("text")));
    }

    private List<Incident> incidents(String sql, List<String> parameters) {
        return query(sql, statement -> bindAll(statement, parameters), IncidentStore::incident);
    }

    private static void bindAll(PreparedStatement statement, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setString(i + 1, values.get(i));
        }
    }

    private static Incident incident(ResultSet row) throws SQLException {
        return new Incident(row.getString("id"), row.getString("dependency"),
                SqlValues.getEnum(row, "state", IncidentState::valueOf), SqlValues.getEnum(row, "severity", Severity::valueOf),
                row.getString("title"), SqlValues.getInstant(row, "opened_at"), SqlValues.getInstant(row, "recovered_at"),
                SqlValues.getInstant(row, "closed_at"));
    }

    private interface Parameters {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface Reader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(String sql, Parameters parameters, Reader<T> reader) {
        if (!database.isReady()) {
            throw new StoreException("The database is not available yet");
        }
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            parameters.bind(query);
            try (ResultSet rows = query.executeQuery()) {
                List<T> found = new ArrayList<>();
                while (rows.next()) {
                    found.add(reader.read(rows));
                }
                return found;
            }
        } catch (SQLException error) {
            throw new StoreException("Cannot read incidents: " + Outage.reason(error), error);
        }
    }

    private static String shorten(String text, int limit) {
        String storable = SqlValues.storableText(text);
        return storable.length() <= limit ? storable : storable.substring(0, limit - 1) + "…";
    }
}
