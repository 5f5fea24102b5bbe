package io.sentinel.store;

import io.sentinel.model.AlertEvent;
import io.sentinel.alert.Decision;
import io.sentinel.alert.DecisionRepository;
import io.sentinel.alert.outbox.OutboxEntry;
import io.sentinel.writer.BackgroundWriter;
import io.sentinel.writer.Spool;
import io.sentinel.writer.WriteTarget;
import io.sentinel.writer.WriterPolicy;
import io.sentinel.writer.WriterStatus;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits each decision (a check's new state, its alert events, their notifications, the incidents they
 * changed) in one database transaction, on the caller's thread. While the database is failing, a decision is one {@code fsync}ed line in
 * {@code decisions.spool.jsonl} instead; once {@link #start() started}, a {@link BackgroundWriter} copies the
 * spool to the database, oldest first, when it answers, and until then every new decision is spooled too, so
 * they reach the database in the order they were made.
 *
 * <p>Writing is idempotent: events and notifications are inserted only when their id is absent, and a state
 * never replaces one from a later probe, so copying a decision twice (after a crash mid-copy) changes nothing.
 */
public final class DecisionLog implements DecisionRepository, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionLog.class);

    private final Database database;
    private final Clock clock;
    private final BackgroundWriter<Decision> writer;

    public DecisionLog(Database database, Path spoolDirectory, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        Spool<Decision> spool = new Spool<>(spoolDirectory, "decisions", new DecisionCodec(), true);
        this.writer = BackgroundWriter.<Decision>named("decisions", "alert decisions")
                .policy(WriterPolicy.spoolOnly())
                .target(new Target())
                .spool(spool)
                .whileFailing("keeping them in " + spool.file() + " and sending their alerts")
                .clock(clock)
                .log(LOG)
                .build();
    }

    /** From now on the spool is copied to the database whenever it answers. */
    public void start() {
        writer.start();
    }

    /**
     * Commits the decision, or spools it while the database fails or older decisions wait in the spool. A decision
     * the database refuses as data is set aside in {@code decisions.rejected.jsonl}: it would fail forever and
     * block the spool behind it, so its alerts are sent but it is not recorded.
     */
    @Override
    public List<OutboxEntry> commit(Decision decision) {
        return writer.writeThrough(decision, this::write, decision.notifications());
    }

    @Override
    public List<Decision> uncopied() {
        return writer.spooledItems();
    }

    /**
     * Waits until the spooled decisions are in the database, or the timeout passes.
     *
     * @return true when they are
     */
    public boolean flush(Duration timeout) {
        return writer.flush(timeout);
    }

    public WriterStatus writerStatus() {
        return writer;
    }

    /** Copies what it can within the close timeout; the rest stays in the spool for the next start. */
    @Override
    public void close() {
        writer.close();
    }

    private List<OutboxEntry> write(Decision decision) throws SQLException {
        if (!database.isReady()) {
            throw new StoreException("the database is not ready yet");
        }
        return Transactions.inTransaction(database.dataSource(), connection -> {
            if (decision.state() != null) {
                CheckStateTable.upsert(connection, decision.state(), clock.instant());
            }
            for (AlertEvent event : decision.events()) {
                AlertEventStore.insertIfAbsent(connection, event);
            }
            IncidentStore.write(connection, decision.incidents());
            List<OutboxEntry> added = new ArrayList<>();
            for (OutboxEntry entry : decision.notifications()) {
                if (OutboxStore.insertIfAbsent(connection, entry)) {
                    added.add(entry);
                }
            }
            return added;
        });
    }

    /** Spooled decisions, each in its own transaction, oldest first. */
    private final class Target implements WriteTarget<Decision> {

        @Override
        public void write(Iterator<? extends Decision> decisions) throws SQLException {
            while (decisions.hasNext()) {
                DecisionLog.this.write(decisions.next());
            }
        }

        @Override
        public boolean refuses(Exception error) {
            return error instanceof SQLException sql && SqlValues.isDataError(sql);
        }

        @Override
        public String describe(Decision decision) {
            return "The decision about " + subject(decision);
        }
    }

    private static String subject(Decision decision) {
        if (decision.state() != null) {
            return decision.state().checkId();
        }
        return decision.events().stream().findFirst().map(AlertEvent::subject)
                .or(() -> decision.incidents().incidents().stream().findFirst().map(incident -> incident.id()))
                .orElse("nothing");
    }
}
