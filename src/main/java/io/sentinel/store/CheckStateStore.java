package io.sentinel.store;

import io.sentinel.rules.CheckStateRepository;
import io.sentinel.rules.CheckState;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current state of every check, so a restart resumes where it stopped instead of from UNKNOWN.
 *
 * <p>Saving never throws into the rules engine: a state that cannot be written waits in memory (only the
 * latest per check matters) and is written by the next save or the background flush.
 */
public final class CheckStateStore implements CheckStateRepository, AutoCloseable {

    /** How often the background flush writes deferred and failed states. */
    static final Duration FLUSH_INTERVAL = Duration.ofMillis(500);
    private static final String KEEPING_STATES = "keeping the latest state of each check in memory";
    private static final Logger LOG = LoggerFactory.getLogger(CheckStateStore.class);

    private final Database database;
    private final CheckStateTable table;
    private final Clock clock;
    private final Outage outage;
    /** The latest unwritten state of each check. */
    private final Map<String, CheckState> pending = new ConcurrentHashMap<>();
    /** One writer at a time, so an older snapshot can never be written over a newer one. */
    private final ReentrantLock writing = new ReentrantLock();
    private final ScheduledExecutorService flusher;

    public CheckStateStore(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.table = new CheckStateTable(database.dataSource());
        this.clock = Objects.requireNonNull(clock, "clock");
        this.outage = new Outage(LOG, "Check states cannot be saved", clock);
        this.flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sentinel-state-writer");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flushInBackground, FLUSH_INTERVAL.toMillis(), FLUSH_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Every saved state by check id, with states not yet written overlaid, since they are newer.
     *
     * @throws StoreException when the database cannot be read: the caller decides whether to start from UNKNOWN
     */
    public Map<String, CheckState> loadAll() {
        if (!database.isReady()) {
            throw new StoreException("The database is not available yet");
        }
        try {
            Map<String, CheckState> states = table.selectAll();
            states.putAll(pending);
            return states;
        } catch (SQLException error) {
            throw new StoreException("Cannot load check states: " + Outage.reason(error), error);
        }
    }

    /**
     * Writes the state now, with any others still waiting. While the database is failing it only queues the
     * state: waiting out a connection timeout on every transition would stall the results pipeline.
     */
    public void save(CheckState state) {
        pending.put(state.checkId(), state);
        if (outage.isRetryDue()) {
            writePending();
        }
    }

    /** Queues the state for the background flush, within about a second. For the counter updates of every probe. */
    public void saveLater(CheckState state) {
        pending.put(state.checkId(), state);
    }

    /** States waiting to be written. */
    public int pending() {
        return pending.size();
    }

    /** Stops the background flush after one last attempt to write what waits. */
    @Override
    public void close() {
        flusher.shutdown();
        try {
            flusher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        writePending();
        if (!pending.isEmpty()) {
            LOG.warn("{} check states could not be saved before shutdown; those checks resume from older states",
                    pending.size());
        }
    }

    private void flushInBackground() {
        if (!pending.isEmpty() && outage.isRetryDue()) {
            writePending();
        }
    }

    private void writePending() {
        writing.lock();
        try {
            if (pending.isEmpty()) {
                return;
            }
            if (!database.isReady()) {
                outage.failed(new StoreException("the database is not ready yet"), KEEPING_STATES);
                return;
            }
            List<CheckState> snapshot = List.copyOf(pending.values());
            try {
                table.upsertAll(snapshot, clock.instant());
            } catch (SQLException error) {
                if (!SqlValues.isDataError(error)) {
                    throw error;
                }
                writeOneByOne(snapshot);
            }
            // remove only what was written: a newer state put meanwhile stays for the next round
            snapshot.forEach(state -> pending.remove(state.checkId(), state));
            outage.succeeded().ifPresent(lasted -> LOG.info("Check states are saved again after {} s of trouble",
                    lasted.toSeconds()));
        } catch (SQLException | RuntimeException error) {
            outage.failed(error, KEEPING_STATES);
        } finally {
            writing.unlock();
        }
    }

    /** Saves states one at a time, dropping any the database refuses as data so they cannot block the others. */
    private void writeOneByOne(List<CheckState> states) throws SQLException {
        for (CheckState state : states) {
            try {
                table.upsertAll(List.of(state), clock.instant());
            } catch (SQLException refused) {
                if (!SqlValues.isDataError(refused)) {
                    throw refused;
                }
                LOG.error("The database refused the state of check {} ({}); it is not saved", state.checkId(),
                        Outage.reason(refused));
            }
        }
    }
}
