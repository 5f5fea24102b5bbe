package io.sentinel.store;

import io.sentinel.model.AlertEvent;
import io.sentinel.alert.Decision;
import io.sentinel.alert.DecisionRepository;
import io.sentinel.alert.outbox.OutboxEntry;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits each decision (a check's new state, its alert events, their notifications, the incidents they
 * changed) in one database transaction. While the database is failing, decisions go to a local spool file instead, in order, and
 * {@link #copySpool()} moves them to the database once it answers; until then every new decision is spooled
 * too, so they reach the database in the order they were made.
 *
 * <p>Writing is idempotent: events and notifications are inserted only when their id is absent, and a state
 * never replaces one from a later probe, so copying a decision twice (after a crash mid-copy) changes nothing.
 */
public final class DecisionLog implements DecisionRepository {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionLog.class);

    private final Database database;
    private final DecisionSpool spool;
    private final Outage outage;
    private final Clock clock;

    public DecisionLog(Database database, Path spoolDirectory, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.spool = new DecisionSpool(spoolDirectory);
        this.clock = clock;
        this.outage = new Outage(LOG, "Alert decisions cannot be written to the database", clock);
    }

    @Override
    public synchronized List<OutboxEntry> commit(Decision decision) {
        if (spool.isEmpty() && database.isReady() && outage.isRetryDue()) {
            try {
                List<OutboxEntry> added = write(decision);
                outage.succeeded().ifPresent(lasted -> LOG.info("Alert decisions are written again after {} s",
                        lasted.toSeconds()));
                return added;
            } catch (SQLException | RuntimeException error) {
                if (error instanceof SQLException sql && SqlValues.isDataError(sql)) {
                    // would fail forever and block the spool behind it: people are still told, the record is not kept
                    LOG.error("The database refused the decision about {} ({}); it is sent but not recorded",
                            subject(decision), Outage.reason(error));
                    return decision.notifications();
                }
                outage.failed(error, "keeping decisions in " + spool.file() + " and sending their alerts");
            }
        }
        spool.append(decision);
        return decision.notifications();
    }

    @Override
    public List<Decision> uncopied() {
        return spool.read();
    }

    /** Copies the spooled decisions to the database, oldest first; the spool is removed only when all are in. */
    public synchronized void copySpool() {
        if (spool.isEmpty() || !database.isReady() || !outage.isRetryDue()) {
            return;
        }
        List<Decision> spooled = spool.read();
        try {
            for (Decision decision : spooled) {
                write(decision);
            }
            spool.clear();
            LOG.info("The database is back: {} decision(s) copied from {}", spooled.size(), spool.file());
            outage.succeeded();
        } catch (SQLException | RuntimeException error) {
            outage.failed(error, "keeping decisions in " + spool.file());
        }
    }

    private List<OutboxEntry> write(Decision decision) throws SQLException {
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

    private static String subject(Decision decision) {
        if (decision.state() != null) {
            return decision.state().checkId();
        }
        return decision.events().stream().findFirst().map(AlertEvent::subject)
                .or(() -> decision.incidents().incidents().stream().findFirst().map(incident -> incident.id()))
                .orElse("nothing");
    }
}
