package io.sentinel.store;

import io.sentinel.cluster.LocationView;
import io.sentinel.cluster.LocationViewRepository;
import io.sentinel.model.FailureClass;
import io.sentinel.model.HealthState;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeResult;
import io.sentinel.writer.Backlog;
import io.sentinel.writer.BackgroundWriter;
import io.sentinel.writer.Outage;
import io.sentinel.writer.WriteTarget;
import io.sentinel.writer.WriterPolicy;
import io.sentinel.writer.WriterStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code location_view} table. Views are written in the background, the latest per check only, within a
 * quarter of a second: the leader reads them every second, and an older view than the newest says nothing.
 * Nothing is spooled: a view lost to a database outage is replaced by the next result's.
 */
public final class LocationViewStore implements LocationViewRepository, AutoCloseable {

    static final Duration FLUSH_INTERVAL = Duration.ofMillis(250);
    private static final int MOST_CHECKS = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(LocationViewStore.class);
    private static final String UPDATE = "UPDATE location_view SET dependency = ?, state = ?, since = ?,"
            + " consecutive_failures = ?, consecutive_successes = ?, started_at = ?, latency_ms = ?, outcome = ?,"
            + " failure_class = ?, http_status = ?, message = ?, observed_at = ?, updated_at = ?"
            + " WHERE location = ? AND check_id = ?";
    private static final String INSERT = "INSERT INTO location_view (dependency, state, since, consecutive_failures,"
            + " consecutive_successes, started_at, latency_ms, outcome, failure_class, http_status, message, observed_at,"
            + " updated_at, location, check_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT_ALL = "SELECT location, check_id, dependency, state, since, consecutive_failures,"
            + " consecutive_successes, started_at, latency_ms, outcome, failure_class, http_status, message, observed_at"
            + " FROM location_view ORDER BY check_id, location";

    private final Database database;
    private final BackgroundWriter<LocationView> writer;
    private volatile boolean writerStarted;

    public LocationViewStore(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.writer = BackgroundWriter.<LocationView>named("location-views", "location views")
                .policy(WriterPolicy.queued(MOST_CHECKS, MOST_CHECKS, FLUSH_INTERVAL))
                .backlog(Backlog.latestPer(view -> view.location() + "\u0000" + view.checkId(), MOST_CHECKS))
                .target(new Target(database, clock))
                .whileFailing("keeping the latest view of each check in memory")
                .clock(clock)
                .log(LOG)
                .build();
    }

    /** Only instances in a cluster save views: the writer's thread starts with the first one. */
    @Override
    public void saveLater(LocationView view) {
        if (!writerStarted) {
            writer.start();
            writerStarted = true;
        }
        writer.offer(view);
    }

    @Override
    public List<LocationView> all() {
        if (!database.isReady()) {
            throw new StoreException("The database is not available yet");
        }
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(SELECT_ALL);
             ResultSet rows = query.executeQuery()) {
            List<LocationView> views = new ArrayList<>();
            while (rows.next()) {
                views.add(read(rows));
            }
            return views;
        } catch (SQLException error) {
            throw new StoreException("Cannot read the locations' views: " + Outage.reason(error), error);
        }
    }

    /** Waits until every view saved before this call is written, or the timeout passes. */
    public boolean flush(Duration timeout) {
        return writer.flush(timeout);
    }

    public WriterStatus writerStatus() {
        return writer;
    }

    @Override
    public void close() {
        writer.close();
    }

    private static LocationView read(ResultSet row) throws SQLException {
        Outcome outcome = SqlValues.getEnum(row, "outcome", Outcome::valueOf);
        ProbeResult last = new ProbeResult(row.getString("check_id"), row.getString("dependency"),
                SqlValues.getInstant(row, "started_at"), Duration.ofMillis(row.getLong("latency_ms")), outcome,
                SqlValues.getEnum(row, "failure_class", FailureClass::valueOf), row.getInt("http_status"),
                row.getString("message"), Map.of());
        return new LocationView(row.getString("location"), SqlValues.getEnum(row, "state", HealthState::valueOf),
                SqlValues.getInstant(row, "since"), row.getInt("consecutive_failures"),
                row.getInt("consecutive_successes"), last, SqlValues.getInstant(row, "observed_at"));
    }

    /** Every waiting view in one transaction: UPDATE, and INSERT when there was no row yet. */
    private record Target(Database database, Clock clock) implements WriteTarget<LocationView> {

        @Override
        public void write(Iterator<? extends LocationView> views) throws SQLException {
            if (!database.isReady()) {
                throw new StoreException("the database is not ready yet");
            }
            List<LocationView> all = new ArrayList<>();
            views.forEachRemaining(all::add);
            Instant now = clock.instant();
            Transactions.inTransaction(database.dataSource(), connection -> {
                for (LocationView view : all) {
                    upsert(connection, view, now);
                }
                return all.size();
            });
        }

        private static void upsert(Connection connection, LocationView view, Instant now) throws SQLException {
            try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
                bind(update, view, now);
                if (update.executeUpdate() > 0) {
                    return;
                }
            }
            // two writers of one location racing to insert (a restart's overlap) fail one batch, which is retried
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                bind(insert, view, now);
                insert.executeUpdate();
            }
        }

        /** Both statements take the same parameters in the same order, the key last. */
        private static void bind(PreparedStatement statement, LocationView view, Instant now) throws SQLException {
            ProbeResult last = view.lastResult();
            statement.setString(1, last.dependency());
            SqlValues.setName(statement, 2, view.state());
            SqlValues.setInstant(statement, 3, view.since());
            statement.setInt(4, view.consecutiveFailures());
            statement.setInt(5, view.consecutiveSuccesses());
            SqlValues.setInstant(statement, 6, last.startedAt());
            statement.setLong(7, last.latency().toMillis());
            SqlValues.setName(statement, 8, last.outcome());
            SqlValues.setName(statement, 9, last.failureClass());
            statement.setInt(10, last.httpStatus());
            statement.setString(11, SqlValues.storableText(last.message()));
            SqlValues.setInstant(statement, 12, view.observedAt());
            SqlValues.setInstant(statement, 13, now);
            statement.setString(14, view.location());
            statement.setString(15, view.checkId());
        }

        @Override
        public boolean refuses(Exception error) {
            return error instanceof SQLException sql && SqlValues.isDataError(sql);
        }

        @Override
        public String describe(LocationView view) {
            return "The view of check " + view.checkId() + " from " + view.location();
        }
    }
}
