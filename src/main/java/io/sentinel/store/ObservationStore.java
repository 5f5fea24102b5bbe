package io.sentinel.store;

import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeResult;
import io.sentinel.report.diagnostics.Observation;
import io.sentinel.report.diagnostics.ObservationRepository;
import io.sentinel.report.diagnostics.OutcomeCount;
import io.sentinel.report.incident.FailedProbes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Reads of the {@code probe_result} table for reports: counts the database makes, and results streamed one at a
 * time, so that no report holds a day of results in memory.
 */
public final class ObservationStore implements ObservationRepository {

    /** Rows fetched per round trip while streaming; PostgreSQL needs it (and a transaction) not to read them all. */
    private static final int FETCH_SIZE = 1_000;
    private static final String COST_READING = "cost.usd";
    private static final String OUTCOME_COUNTS = "SELECT check_id, dependency, outcome, COUNT(*) AS results"
            + " FROM probe_result WHERE started_at >= ? AND started_at < ? GROUP BY check_id, dependency, outcome";
    private static final String SCAN = "SELECT started_at, outcome, latency_ms, failure_class,"
            + " CASE WHEN outcome = 'DOWN' THEN message END AS down_message,"
            + " CASE WHEN outcome = 'DOWN' THEN readings END AS down_readings"
            + " FROM probe_result WHERE check_id = ? AND started_at >= ? AND started_at < ?";
    private static final String FAILED_BY_CLASS = "SELECT failure_class, COUNT(*) AS results FROM probe_result"
            + " WHERE %s = ? AND outcome = 'DOWN' AND started_at >= ? AND started_at <= ? GROUP BY failure_class";
    private static final String FAILED_PAID = "SELECT readings FROM probe_result WHERE %s = ? AND outcome = 'DOWN'"
            + " AND started_at >= ? AND started_at <= ? AND readings LIKE '%%\"" + COST_READING + "\"%%'";
    /** The first problem result after the last result that was a real observation but no problem. */
    private static final String FIRST_PROBLEM = "SELECT " + ProbeResultTable.COLUMNS + " FROM probe_result"
            + " WHERE check_id = ? AND outcome IN (%s) AND started_at <= ? AND started_at > COALESCE("
            + "(SELECT MAX(started_at) FROM probe_result WHERE check_id = ? AND outcome IN (%s) AND started_at <= ?), ?)"
            + " ORDER BY started_at, id LIMIT 1";

    private final Database database;
    private final ResultCodec json = new ResultCodec();
    private final ProbeResultTable table;

    public ObservationStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        this.table = new ProbeResultTable(database.dataSource(), json);
    }

    @Override
    public List<OutcomeCount> outcomeCounts(Instant from, Instant to) {
        return Reads.run(database, "result counts", connection -> {
            try (PreparedStatement query = connection.prepareStatement(OUTCOME_COUNTS)) {
                SqlValues.setInstant(query, 1, from);
                SqlValues.setInstant(query, 2, to);
                List<OutcomeCount> counts = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        counts.add(new OutcomeCount(rows.getString("check_id"), rows.getString("dependency"),
                                SqlValues.getEnum(rows, "outcome", Outcome::valueOf), rows.getLong("results")));
                    }
                }
                return counts;
            }
        });
    }

    @Override
    public void scan(String checkId, Instant from, Instant to, Consumer<Observation> each) {
        Reads.run(database, "the results of " + checkId, connection -> streaming(connection, () -> {
            try (PreparedStatement query = connection.prepareStatement(SCAN)) {
                query.setFetchSize(FETCH_SIZE);
                query.setString(1, checkId);
                SqlValues.setInstant(query, 2, from);
                SqlValues.setInstant(query, 3, to);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        each.accept(new Observation(SqlValues.getInstant(rows, "started_at"),
                                SqlValues.getEnum(rows, "outcome", Outcome::valueOf), rows.getLong("latency_ms"),
                                SqlValues.getEnum(rows, "failure_class", FailureClass::valueOf),
                                rows.getString("down_message"), cost(rows.getString("down_readings"))));
                    }
                }
            }
            return null;
        }));
    }

    /** The first result with a {@code problem} outcome of the streak the check was in at {@code by}. */
    Optional<ProbeResult> firstProblemProbe(String checkId, Set<Outcome> problem, Instant by) {
        Set<Outcome> fine = EnumSet.noneOf(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            if (outcome.isObservation() && !problem.contains(outcome)) {
                fine.add(outcome);
            }
        }
        if (problem.isEmpty() || fine.isEmpty()) {
            return Optional.empty();
        }
        String sql = FIRST_PROBLEM.formatted(names(problem), names(fine));
        return Reads.run(database, "the first problem result of " + checkId, connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setString(1, checkId);
                SqlValues.setInstant(query, 2, by);
                query.setString(3, checkId);
                SqlValues.setInstant(query, 4, by);
                SqlValues.setInstant(query, 5, Instant.EPOCH);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(table.read(rows)) : Optional.empty();
                }
            }
        });
    }

    /** The failed results of a check or a dependency ({@code column}) from {@code from} to {@code to}, both included. */
    FailedProbes failedProbes(Column column, String value, Instant from, Instant to) {
        return Reads.run(database, "failed results", connection -> {
            Map<FailureClass, Long> byClass = new EnumMap<>(FailureClass.class);
            try (PreparedStatement query = connection.prepareStatement(FAILED_BY_CLASS.formatted(column.sql))) {
                bindWindow(query, value, from, to);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        byClass.put(SqlValues.getEnum(rows, "failure_class", FailureClass::valueOf), rows.getLong("results"));
                    }
                }
            }
            long[] paidCalls = {0};
            double[] paidCost = {0};
            streaming(connection, () -> {
                try (PreparedStatement query = connection.prepareStatement(FAILED_PAID.formatted(column.sql))) {
                    query.setFetchSize(FETCH_SIZE);
                    bindWindow(query, value, from, to);
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            double cost = cost(rows.getString("readings"));
                            if (cost > 0) {
                                paidCalls[0]++;
                                paidCost[0] += cost;
                            }
                        }
                    }
                }
                return null;
            });
            return new FailedProbes(byClass, paidCalls[0], paidCost[0]);
        });
    }

    /** Which column picks the results. */
    enum Column {
        CHECK("check_id"), DEPENDENCY("dependency");

        private final String sql;

        Column(String sql) {
            this.sql = sql;
        }
    }

    private static void bindWindow(PreparedStatement query, String value, Instant from, Instant to) throws SQLException {
        query.setString(1, value);
        SqlValues.setInstant(query, 2, from);
        SqlValues.setInstant(query, 3, to);
    }

    /** The {@code cost.usd} reading of a stored readings column, 0 when it has none or cannot be read. */
    private double cost(String readings) {
        if (readings == null || !readings.contains(COST_READING)) {
            return 0;
        }
        try {
            Double cost = json.readingsFromJson(readings).get(COST_READING);
            return cost == null ? 0 : cost;
        } catch (IllegalArgumentException unreadable) {
            return 0;
        }
    }

    private static String names(Set<Outcome> outcomes) {
        return outcomes.stream().map(outcome -> "'" + outcome.name() + "'").collect(Collectors.joining(", "));
    }

    /**
     * Runs a query that streams its rows. PostgreSQL sends rows in fetch-size batches only inside a transaction;
     * otherwise it reads the whole result into memory first.
     */
    private static <T> T streaming(Connection connection, Streamed<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            return work.run();
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private interface Streamed<T> {
        T run() throws SQLException;
    }
}
