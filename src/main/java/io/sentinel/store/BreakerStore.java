package io.sentinel.store;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.sentinel.breaker.BreakerRepository;
import io.sentinel.breaker.BreakerTransition;
import io.sentinel.breaker.StoredBreaker;
import io.sentinel.writer.Outage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Breaker states and transitions. Writes are synchronous: transitions are rare, and a restart must find the
 * breaker exactly as it was left.
 */
public final class BreakerStore implements BreakerRepository {

    private static final String UPDATE = "UPDATE breaker_state SET state = ?, since = ?, open_until = ?, incident_id = ?,"
            + " updated_at = ? WHERE dependency = ?";
    private static final String INSERT = "INSERT INTO breaker_state (state, since, open_until, incident_id, updated_at,"
            + " dependency) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String SELECT_ALL = "SELECT dependency, state, since, open_until, incident_id FROM breaker_state";
    private static final String INSERT_TRANSITION = "INSERT INTO breaker_transition (dependency, from_state, to_state,"
            + " at, reason, actor) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String SELECT_TRANSITIONS = "SELECT dependency, from_state, to_state, at, reason, actor"
            + " FROM breaker_transition WHERE dependency = ? ORDER BY at DESC, id DESC LIMIT ?";
    private static final String SELECT_TRANSITIONS_BETWEEN = "SELECT dependency, from_state, to_state, at, reason, actor"
            + " FROM breaker_transition WHERE dependency = ? AND at >= ? AND at <= ? ORDER BY at, id";
    private static final int MAX_REASON = 1000;

    private final Database database;
    private final Clock clock;

    public BreakerStore(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Map<String, StoredBreaker> loadAll() {
        return read("breaker states", connection -> {
            Map<String, StoredBreaker> states = new LinkedHashMap<>();
            try (PreparedStatement query = connection.prepareStatement(SELECT_ALL); ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    StoredBreaker state = new StoredBreaker(rows.getString("dependency"),
                            SqlValues.getEnum(rows, "state", CircuitBreaker.State::valueOf),
                            SqlValues.getInstant(rows, "since"), SqlValues.getInstant(rows, "open_until"),
                            rows.getString("incident_id"));
                    states.put(state.dependency(), state);
                }
            }
            return states;
        });
    }

    @Override
    public void save(StoredBreaker state) {
        requireReady();
        try {
            Transactions.inTransaction(database.dataSource(), connection -> {
                try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
                    bind(update, state);
                    if (update.executeUpdate() == 0) {
                        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                            bind(insert, state);
                            insert.executeUpdate();
                        }
                    }
                }
                return 1;
            });
        } catch (SQLException error) {
            throw new StoreException("Cannot save the " + state.dependency() + " breaker: " + Outage.reason(error), error);
        }
    }

    @Override
    public void record(BreakerTransition transition) {
        requireReady();
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT_TRANSITION)) {
            insert.setString(1, transition.dependency());
            SqlValues.setName(insert, 2, transition.from());
            SqlValues.setName(insert, 3, transition.to());
            SqlValues.setInstant(insert, 4, transition.at());
            String reason = SqlValues.storableText(transition.reason());
            insert.setString(5, reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…");
            insert.setString(6, transition.actor());
            insert.executeUpdate();
        } catch (SQLException error) {
            throw new StoreException("Cannot record the " + transition.dependency() + " breaker transition: "
                    + Outage.reason(error), error);
        }
    }

    @Override
    public List<BreakerTransition> transitions(String dependency, int limit) {
        return read("breaker transitions", connection -> {
            List<BreakerTransition> transitions = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(SELECT_TRANSITIONS)) {
                query.setString(1, dependency);
                query.setInt(2, limit);
                readTransitions(query, transitions);
            }
            return transitions;
        });
    }

    /** The dependency's transitions from {@code from} to {@code to} (both included), oldest first. */
    public List<BreakerTransition> transitionsBetween(String dependency, Instant from, Instant to) {
        return read("breaker transitions", connection -> {
            List<BreakerTransition> transitions = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(SELECT_TRANSITIONS_BETWEEN)) {
                query.setString(1, dependency);
                SqlValues.setInstant(query, 2, from);
                SqlValues.setInstant(query, 3, to);
                readTransitions(query, transitions);
            }
            return transitions;
        });
    }

    private static void readTransitions(PreparedStatement query, List<BreakerTransition> transitions) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                transitions.add(new BreakerTransition(rows.getString("dependency"),
                        SqlValues.getEnum(rows, "from_state", CircuitBreaker.State::valueOf),
                        SqlValues.getEnum(rows, "to_state", CircuitBreaker.State::valueOf),
                        SqlValues.getInstant(rows, "at"), rows.getString("reason"), rows.getString("actor")));
            }
        }
    }

    private void bind(PreparedStatement statement, StoredBreaker state) throws SQLException {
        SqlValues.setName(statement, 1, state.state());
        SqlValues.setInstant(statement, 2, state.since());
        SqlValues.setInstant(statement, 3, state.openUntil());
        statement.setString(4, state.incidentId());
        SqlValues.setInstant(statement, 5, clock.instant());
        statement.setString(6, state.dependency());
    }

    private interface Query<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T read(String what, Query<T> query) {
        requireReady();
        try (Connection connection = database.dataSource().getConnection()) {
            return query.run(connection);
        } catch (SQLException error) {
            throw new StoreException("Cannot read " + what + ": " + Outage.reason(error), error);
        }
    }

    private void requireReady() {
        if (!database.isReady()) {
            throw new StoreException("The database is not available yet");
        }
    }
}
