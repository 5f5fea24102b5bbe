package io.sentinel.store;

import io.sentinel.rules.CheckStateRepository;
import io.sentinel.rules.CheckState;
import io.sentinel.writer.Backlog;
import io.sentinel.writer.BackgroundWriter;
import io.sentinel.writer.Outage;
import io.sentinel.writer.WriteTarget;
import io.sentinel.writer.WriterPolicy;
import io.sentinel.writer.WriterStatus;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current state of every check, so a restart resumes where it stopped instead of from UNKNOWN.
 *
 * <p>Saving never throws into the rules engine and never waits: a {@link BackgroundWriter} keeps the latest
 * unwritten state of each check in memory and writes them all, in one transaction, within half a second, or
 * with backoff while the database fails.
 */
public final class CheckStateStore implements CheckStateRepository, AutoCloseable {

    /** How long a streak update may wait before it is written with the others. */
    static final Duration FLUSH_INTERVAL = Duration.ofMillis(500);
    /** More checks than any configuration has: one waiting state per check. */
    private static final int MOST_CHECKS = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(CheckStateStore.class);

    private final Database database;
    private final CheckStateTable table;
    private final BackgroundWriter<CheckState> writer;

    public CheckStateStore(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.table = new CheckStateTable(database.dataSource());
        this.writer = BackgroundWriter.<CheckState>named("check-states", "check states")
                .policy(WriterPolicy.queued(MOST_CHECKS, MOST_CHECKS, FLUSH_INTERVAL))
                .backlog(Backlog.latestPer(CheckState::checkId, MOST_CHECKS))
                .target(new Target(database, table, Objects.requireNonNull(clock, "clock")))
                .whileFailing("keeping the latest state of each check in memory")
                .clock(clock)
                .log(LOG)
                .build()
                .start();
    }

    /**
     * Every saved state by check id, with states not yet written overlaid, since they are newer.
     *
     * @throws StoreException when the database cannot be read: the caller decides whether to start from UNKNOWN
     */
    @Override
    public Map<String, CheckState> loadAll() {
        if (!database.isReady()) {
            throw new StoreException("The database is not available yet");
        }
        try {
            Map<String, CheckState> states = table.selectAll();
            writer.waiting().forEach(state -> states.put(state.checkId(), state));
            return states;
        } catch (SQLException error) {
            throw new StoreException("Cannot load check states: " + Outage.reason(error), error);
        }
    }

    /** Queues the state for writing, within about half a second. For the counter updates of every probe. */
    @Override
    public void saveLater(CheckState state) {
        writer.offer(state);
    }

    /**
     * Waits until every state saved before this call is written, or the timeout passes.
     *
     * @return true when they were all written
     */
    public boolean flush(Duration timeout) {
        return writer.flush(timeout);
    }

    /** States waiting to be written. */
    public int pending() {
        return writer.queued();
    }

    public WriterStatus writerStatus() {
        return writer;
    }

    /** Writes what waits, once more whatever the backoff; states still unwritten are reported lost. */
    @Override
    public void close() {
        writer.close();
    }

    /** The {@code check_state} table: every waiting state in one transaction, a state never over a newer one. */
    private record Target(Database database, CheckStateTable table, Clock clock) implements WriteTarget<CheckState> {

        @Override
        public void write(Iterator<? extends CheckState> states) throws SQLException {
            if (!database.isReady()) {
                throw new StoreException("the database is not ready yet");
            }
            List<CheckState> all = new ArrayList<>();
            states.forEachRemaining(all::add);
            table.upsertAll(all, clock.instant());
        }

        @Override
        public boolean refuses(Exception error) {
            return error instanceof SQLException sql && SqlValues.isDataError(sql);
        }

        @Override
        public String describe(CheckState state) {
            return "The state of check " + state.checkId();
        }
    }
}
