package io.sentinel.store;

import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeResult;
import io.sentinel.results.LatencySample;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The SQL of the {@code probe_result} table. */
final class ProbeResultTable {

    /** Rows sent to the database per JDBC batch round trip. */
    static final int BATCH_SIZE = 500;
    static final String COLUMNS =
            "check_id, dependency, started_at, latency_ms, outcome, failure_class, http_status, message, readings";
    private static final String INSERT =
            "INSERT INTO probe_result (" + COLUMNS + ", location) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    // this location's own results: what its rules replay (another location's probes are not its observations)
    private static final String SINCE = "SELECT id, " + COLUMNS + " FROM probe_result WHERE location = ? AND check_id = ?"
            + " AND started_at >= ? ORDER BY started_at DESC, id DESC LIMIT ?";
    // One check's newest result from this location: the first entry of the index on (location, check_id, started_at
    // DESC, id DESC) (V7), so a lookup costs the same with a thousand stored rows or a million; ordering by id makes
    // the later insert win a tie. H2 reads the index in order only when the ORDER BY names its leading columns too.
    private static final String LATEST_OF_CHECK = "SELECT id, " + COLUMNS + " FROM probe_result"
            + " WHERE location = ? AND check_id = ? ORDER BY location, check_id, started_at DESC, id DESC LIMIT 1";
    private static final String BETWEEN = "SELECT id, " + COLUMNS + " FROM probe_result WHERE check_id = ?"
            + " AND started_at >= ? AND started_at <= ? ORDER BY started_at, id LIMIT ?";
    // newest first so that the limit keeps the recent end; read back oldest first
    private static final String LATENCIES_SINCE = "SELECT check_id, started_at, latency_ms, outcome FROM probe_result"
            + " WHERE started_at >= ? ORDER BY started_at DESC, id DESC LIMIT ?";
    private static final String DELETE_OLDER_THAN = "DELETE FROM probe_result WHERE started_at < ?";

    private final DataSource dataSource;
    private final ResultCodec json;
    private final String location;

    /** For reading, and for writing as a single instance at the default location. */
    ProbeResultTable(DataSource dataSource, ResultCodec json) {
        this(dataSource, json, io.sentinel.config.ClusterConfig.DEFAULT_LOCATION);
    }

    /** @param location where this instance probes from: stored with every result it writes */
    ProbeResultTable(DataSource dataSource, ResultCodec json, String location) {
        this.dataSource = dataSource;
        this.json = json;
        this.location = location;
    }

    /** Inserts every result in one transaction, however many there are: all of them are stored or none. */
    int insertAll(Iterator<? extends ProbeResult> results) throws SQLException {
        return Transactions.inTransaction(dataSource, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                int inserted = 0;
                int batched = 0;
                while (results.hasNext()) {
                    bind(insert, results.next());
                    insert.addBatch();
                    inserted++;
                    if (++batched == BATCH_SIZE) {
                        insert.executeBatch();
                        batched = 0;
                    }
                }
                if (batched > 0) {
                    insert.executeBatch();
                }
                return inserted;
            }
        });
    }

    /** Every result of the check, newest first: results never start before 1970. */
    List<ProbeResult> history(String checkId, int limit) throws SQLException {
        return since(checkId, Instant.EPOCH, limit);
    }

    List<ProbeResult> since(String checkId, Instant from, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(SINCE)) {
            query.setString(1, location);
            query.setString(2, checkId);
            SqlValues.setInstant(query, 3, from);
            query.setInt(4, limit);
            try (ResultSet rows = query.executeQuery()) {
                List<ProbeResult> results = new ArrayList<>();
                while (rows.next()) {
                    results.add(read(rows));
                }
                return results;
            }
        }
    }

    List<ProbeResult> between(String checkId, Instant from, Instant to, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(BETWEEN)) {
            query.setString(1, checkId);
            SqlValues.setInstant(query, 2, from);
            SqlValues.setInstant(query, 3, to);
            query.setInt(4, limit);
            try (ResultSet rows = query.executeQuery()) {
                List<ProbeResult> results = new ArrayList<>();
                while (rows.next()) {
                    results.add(read(rows));
                }
                return results;
            }
        }
    }

    /** One index lookup per check, on one connection: not a scan of every stored result. */
    Map<String, ProbeResult> latestOf(Collection<String> checkIds) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(LATEST_OF_CHECK)) {
            query.setString(1, location);
            Map<String, ProbeResult> latest = new LinkedHashMap<>();
            for (String checkId : checkIds) {
                query.setString(2, checkId);
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        latest.put(checkId, read(rows));
                    }
                }
            }
            return latest;
        }
    }

    List<LatencySample> latenciesSince(Instant from, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(LATENCIES_SINCE)) {
            SqlValues.setInstant(query, 1, from);
            query.setInt(2, limit);
            try (ResultSet rows = query.executeQuery()) {
                List<LatencySample> samples = new ArrayList<>();
                while (rows.next()) {
                    samples.add(new LatencySample(rows.getString("check_id"), SqlValues.getInstant(rows, "started_at"),
                            rows.getLong("latency_ms"), SqlValues.getEnum(rows, "outcome", Outcome::valueOf)));
                }
                Collections.reverse(samples);
                return samples;
            }
        }
    }

    int deleteOlderThan(Instant cutoff) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(DELETE_OLDER_THAN)) {
            SqlValues.setInstant(delete, 1, cutoff);
            return delete.executeUpdate();
        }
    }

    private void bind(PreparedStatement insert, ProbeResult result) throws SQLException {
        insert.setString(1, result.checkId());
        insert.setString(2, result.dependency());
        SqlValues.setInstant(insert, 3, result.startedAt());
        insert.setLong(4, result.latency().toMillis());
        SqlValues.setName(insert, 5, result.outcome());
        SqlValues.setName(insert, 6, result.failureClass());
        insert.setInt(7, result.httpStatus());
        insert.setString(8, SqlValues.storableText(result.message()));
        insert.setString(9, json.readingsToJson(result.readings()));
        insert.setString(10, location);
    }

    /** The result on the current row of a query that selects {@link #COLUMNS}. */
    ProbeResult read(ResultSet row) throws SQLException {
        return new ProbeResult(
                row.getString("check_id"),
                row.getString("dependency"),
                SqlValues.getInstant(row, "started_at"),
                Duration.ofMillis(row.getLong("latency_ms")),
                SqlValues.getEnum(row, "outcome", Outcome::valueOf),
                SqlValues.getEnum(row, "failure_class", FailureClass::valueOf),
                row.getInt("http_status"),
                row.getString("message"),
                json.readingsFromJson(row.getString("readings")));
    }
}
