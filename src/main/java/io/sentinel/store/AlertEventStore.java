package io.sentinel.store;

import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.config.Severity;
import io.sentinel.model.FailureClass;
import io.sentinel.model.HealthState;
import io.sentinel.writer.Outage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Every alert event raised, for the incident timeline and the API. Saving is synchronous and idempotent on
 * the event id, so a retried save after an unclear failure cannot double an event.
 */
public final class AlertEventStore {

    private static final String COLUMNS = "id, incident_id, status, severity, check_id, dependency, state,"
            + " previous_state, failure_class, reason, latency_ms, since, at";
    private static final String INSERT =
            "INSERT INTO alert_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String EXISTS = "SELECT 1 FROM alert_event WHERE id = ?";
    private static final String RECENT = "SELECT " + COLUMNS + " FROM alert_event ORDER BY at DESC, id DESC LIMIT ?";
    private static final String FOR_INCIDENT = "SELECT " + COLUMNS + " FROM alert_event WHERE incident_id = ?"
            + " ORDER BY at, id";
    private static final String LISTED_IN = "SELECT " + COLUMNS + " FROM alert_event WHERE incident_id IN"
            + " (SELECT alert_id FROM incident_alert WHERE incident_id = ?) ORDER BY at, id";
    private static final String FOR_CHECK = "SELECT " + COLUMNS + " FROM alert_event WHERE check_id = ?"
            + " ORDER BY at DESC, id DESC LIMIT ?";

    private final Database database;
    private final DataSource dataSource;

    public AlertEventStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        this.dataSource = database.dataSource();
    }

    /**
     * Stores the event unless one with its id is already stored.
     *
     * @throws StoreException when the database cannot take it: the caller must know the event is not recorded
     */
    public void save(AlertEvent event) {
        requireReady();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            bind(insert, event);
            insert.executeUpdate();
        } catch (SQLException error) {
            // Insert-and-ignore-the-duplicate rather than a dialect's upsert: the same SQL on H2 and PostgreSQL,
            // and correct even when two threads save the same event at once.
            if (!SqlValues.isDuplicateKey(error)) {
                throw new StoreException("Cannot save alert event " + event.id() + ": " + Outage.reason(error), error);
            }
        }
    }

    /** The newest events of all checks, newest first. */
    public List<AlertEvent> recent(int limit) {
        return query(RECENT, statement -> statement.setInt(1, limit));
    }

    /** The newest events of one check, newest first. */
    public List<AlertEvent> forCheck(String checkId, int limit) {
        return query(FOR_CHECK, statement -> {
            statement.setString(1, checkId);
            statement.setInt(2, limit);
        });
    }

    /** The events of one incident, oldest first: its timeline. */
    public List<AlertEvent> forIncident(String incidentId) {
        return query(FOR_INCIDENT, statement -> statement.setString(1, incidentId));
    }

    /** The events of every alert listed in a dependency's outage (its id: {@code incident:<dependency>@…}), oldest first. */
    public List<AlertEvent> listedIn(String outageId) {
        return query(LISTED_IN, statement -> statement.setString(1, outageId));
    }

    private interface Parameters {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<AlertEvent> query(String sql, Parameters parameters) {
        requireReady();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            parameters.bind(query);
            try (ResultSet rows = query.executeQuery()) {
                List<AlertEvent> events = new ArrayList<>();
                while (rows.next()) {
                    events.add(read(rows));
                }
                return events;
            }
        } catch (SQLException error) {
            throw new StoreException("Cannot read alert events: " + Outage.reason(error), error);
        }
    }

    /**
     * Stores the event within the caller's transaction unless its id is stored already. Looks before inserting:
     * on PostgreSQL a failed insert would abort the whole transaction, and decisions are written one at a time.
     */
    static void insertIfAbsent(Connection connection, AlertEvent event) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement(EXISTS)) {
            exists.setString(1, event.id());
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            bind(insert, event);
            insert.executeUpdate();
        }
    }

    private static void bind(PreparedStatement insert, AlertEvent event) throws SQLException {
        insert.setString(1, event.id());
        insert.setString(2, event.incidentId());
        SqlValues.setName(insert, 3, event.status());
        SqlValues.setName(insert, 4, event.severity());
        insert.setString(5, event.checkId());
        insert.setString(6, event.dependency());
        SqlValues.setName(insert, 7, event.state());
        SqlValues.setName(insert, 8, event.previousState());
        SqlValues.setName(insert, 9, event.failureClass());
        insert.setString(10, SqlValues.storableText(event.reason()));
        if (event.latency() == null) {
            insert.setNull(11, java.sql.Types.BIGINT);
        } else {
            insert.setLong(11, event.latency().toMillis());
        }
        SqlValues.setInstant(insert, 12, event.since());
        SqlValues.setInstant(insert, 13, event.at());
    }

    private static AlertEvent read(ResultSet row) throws SQLException {
        return new AlertEvent(
                row.getString("id"),
                row.getString("incident_id"),
                SqlValues.getEnum(row, "status", AlertStatus::valueOf),
                SqlValues.getEnum(row, "severity", Severity::valueOf),
                row.getString("check_id"),
                row.getString("dependency"),
                SqlValues.getEnum(row, "state", HealthState::valueOf),
                SqlValues.getEnum(row, "previous_state", HealthState::valueOf),
                SqlValues.getEnum(row, "failure_class", FailureClass::valueOf),
                row.getString("reason"),
                row.getObject("latency_ms") == null ? null : java.time.Duration.ofMillis(row.getLong("latency_ms")),
                SqlValues.getInstant(row, "since"),
                SqlValues.getInstant(row, "at"));
    }

    private void requireReady() {
        if (!database.isReady()) {
            throw new StoreException("The database is not available yet");
        }
    }
}
