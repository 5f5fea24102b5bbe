package io.sentinel.store;

import io.sentinel.rules.CheckState;
import io.sentinel.model.HealthState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/** The SQL of the {@code check_state} table. */
final class CheckStateTable {

    // UPDATE first and INSERT when nothing matched: the one upsert that H2 and PostgreSQL both run unchanged.
    // A state never replaces one from a later probe: streak updates written in the background and decisions
    // replayed from the spool may arrive out of order, and the newest must win whatever the order.
    private static final String UPDATE = "UPDATE check_state SET state = ?, since = ?, consecutive_failures = ?,"
            + " consecutive_successes = ?, consecutive_non_failures = ?, consecutive_non_successes = ?,"
            + " last_probe_at = ?, incident_id = ?, updated_at = ? WHERE check_id = ?";
    private static final String UPDATE_IF_NOT_OLDER = UPDATE + " AND (last_probe_at IS NULL OR last_probe_at <= ?)";
    private static final String EXISTS = "SELECT 1 FROM check_state WHERE check_id = ?";
    private static final String INSERT = "INSERT INTO check_state (state, since, consecutive_failures,"
            + " consecutive_successes, consecutive_non_failures, consecutive_non_successes, last_probe_at, incident_id,"
            + " updated_at, check_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT_ALL = "SELECT check_id, state, since, consecutive_failures,"
            + " consecutive_successes, consecutive_non_failures, consecutive_non_successes, last_probe_at, incident_id"
            + " FROM check_state ORDER BY check_id";

    private final DataSource dataSource;

    CheckStateTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Saves every state in one transaction. */
    void upsertAll(Collection<CheckState> states, Instant updatedAt) throws SQLException {
        Transactions.inTransaction(dataSource, connection -> {
            for (CheckState state : states) {
                upsert(connection, state, updatedAt);
            }
            return states.size();
        });
    }

    /** Saves one state within the caller's transaction, unless the stored one comes from a later probe. */
    static void upsert(Connection connection, CheckState state, Instant updatedAt) throws SQLException {
        if (updateUnlessNewer(connection, state, updatedAt) > 0 || exists(connection, state.checkId())) {
            return;
        }
        // Two writers save states (the streak updates in the background, a decision in its own transaction), so
        // the other may insert the row between this UPDATE and this INSERT.
        if (!InsertUnlessTaken.insert(connection, INSERT, insert -> bind(insert, state, updatedAt))) {
            updateUnlessNewer(connection, state, updatedAt);
        }
    }

    /** The UPDATE: it changes nothing when the stored state comes from a later probe. Returns the rows changed. */
    private static int updateUnlessNewer(Connection connection, CheckState state, Instant updatedAt)
            throws SQLException {
        boolean guarded = state.lastProbeAt() != null;
        try (PreparedStatement update = connection.prepareStatement(guarded ? UPDATE_IF_NOT_OLDER : UPDATE)) {
            bind(update, state, updatedAt);
            if (guarded) {
                SqlValues.setInstant(update, 11, state.lastProbeAt());
            }
            return update.executeUpdate();
        }
    }

    private static boolean exists(Connection connection, String checkId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(EXISTS)) {
            query.setString(1, checkId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    Map<String, CheckState> selectAll() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(SELECT_ALL);
             ResultSet rows = query.executeQuery()) {
            Map<String, CheckState> states = new LinkedHashMap<>();
            while (rows.next()) {
                CheckState state = read(rows);
                states.put(state.checkId(), state);
            }
            return states;
        }
    }

    /** Both statements take the same parameters in the same order, the key last. */
    private static void bind(PreparedStatement statement, CheckState state, Instant updatedAt) throws SQLException {
        SqlValues.setName(statement, 1, state.state());
        SqlValues.setInstant(statement, 2, state.since());
        statement.setInt(3, state.consecutiveFailures());
        statement.setInt(4, state.consecutiveSuccesses());
        statement.setInt(5, state.consecutiveNonFailures());
        statement.setInt(6, state.consecutiveNonSuccesses());
        SqlValues.setInstant(statement, 7, state.lastProbeAt());
        statement.setString(8, state.incidentId());
        SqlValues.setInstant(statement, 9, updatedAt);
        statement.setString(10, state.checkId());
    }

    private static CheckState read(ResultSet row) throws SQLException {
        return new CheckState(
                row.getString("check_id"),
                SqlValues.getEnum(row, "state", HealthState::valueOf),
                SqlValues.getInstant(row, "since"),
                row.getInt("consecutive_failures"),
                row.getInt("consecutive_successes"),
                row.getInt("consecutive_non_failures"),
                row.getInt("consecutive_non_successes"),
                SqlValues.getInstant(row, "last_probe_at"),
                row.getString("incident_id"));
    }
}
