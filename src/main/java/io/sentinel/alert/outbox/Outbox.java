package io.sentinel.alert.outbox;

import io.sentinel.writer.BackgroundWriter;
import io.sentinel.writer.LineCodec;
import io.sentinel.writer.Spool;
import io.sentinel.writer.WriteTarget;
import io.sentinel.writer.WriterPolicy;
import io.sentinel.writer.WriterStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every notification is written here before it is sent, and every attempt is recorded, so a crash or a
 * restart continues exactly where delivery stopped. The database table is the durable record; while the
 * database is down, changes go to the local spool {@code outbox.spool.jsonl} (one {@code fsync}ed line each) and,
 * once {@link #start() started}, a {@link BackgroundWriter} copies them to the table, in order, when it is back.
 * The unfinished entries are also kept in memory: that is what the dispatchers work from.
 */
public final class Outbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final Comparator<OutboxEntry> WRITTEN_ORDER = Comparator
            .comparing((OutboxEntry entry) -> entry.notification().createdAt())
            .thenComparing(entry -> entry.notification().event().at())
            .thenComparing(OutboxEntry::key);

    /**
     * How long a claim holds when its instance dies mid-send: longer than any channel may take to answer (Slack's
     * deadline is 10 s), so a slow send is never taken for a dead one.
     */
    public static final Duration CLAIM_LEASE = Duration.ofMinutes(1);

    private final OutboxRepository repository;
    /** Who claims notifications before sending them, when instances share the table; null for a single instance. */
    private final String claimant;
    private final BackgroundWriter<OutboxEntry> writer;
    private final Map<String, OutboxEntry> unfinished = new ConcurrentHashMap<>();
    private final List<Consumer<OutboxEntry>> listeners = new CopyOnWriteArrayList<>();

    public Outbox(OutboxRepository repository, Path spoolDirectory) {
        this(repository, spoolDirectory, null);
    }

    /**
     * @param claimant this instance's id when several instances share the table (docs/cluster.md): every send is
     *                 then claimed in the table first ({@link #claim}); null for a single instance
     */
    public Outbox(OutboxRepository repository, Path spoolDirectory, String claimant) {
        this.repository = repository;
        this.claimant = claimant;
        Spool<OutboxEntry> spool = new Spool<>(spoolDirectory, "outbox",
                LineCodec.of(NotificationJson::write, NotificationJson::readEntry), true);
        this.writer = BackgroundWriter.<OutboxEntry>named("outbox", "notification changes")
                .policy(WriterPolicy.spoolOnly())
                .target(new Target(repository))
                .spool(spool)
                .whileFailing("keeping them in " + spool.file() + ", and delivery goes on")
                .log(LOG)
                .build();
    }

    /**
     * Picks up what the previous run left: unfinished entries in the table, those of decisions still waiting
     * in the decision spool, and the changes in the outbox spool (which may finish some of them).
     */
    public void load(Collection<OutboxEntry> uncopiedDecisions) {
        uncopiedDecisions.forEach(entry -> unfinished.putIfAbsent(entry.key(), entry));
        try {
            repository.unfinished().forEach(entry -> unfinished.put(entry.key(), entry));
        } catch (RuntimeException databaseUnavailable) {
            LOG.warn("Could not read the outbox table ({}); continuing with the local spool only",
                    databaseUnavailable.getMessage());
        }
        for (OutboxEntry entry : latestSpooled()) {
            if (entry.state().isFinished()) {
                unfinished.remove(entry.key());
            } else {
                unfinished.put(entry.key(), entry);
            }
        }
        if (!unfinished.isEmpty()) {
            LOG.info("{} notification(s) from the previous run are still to be delivered", unfinished.size());
        }
    }

    /**
     * Forgets what it holds and reads it again, for an instance that has just become the leader: the table is what
     * the previous leader left.
     */
    public void reload(Collection<OutboxEntry> uncopiedDecisions) {
        unfinished.clear();
        load(uncopiedDecisions);
    }

    /**
     * Called for every entry added or changed, e.g. to wake the channel's dispatcher.
     *
     * @return stops the calls
     */
    public Runnable onChange(Consumer<OutboxEntry> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Whether a message may be sent now. */
    public enum Claim {
        /** This instance may send it. */
        CLAIMED,
        /** Another instance holds or finished part of it: what the table holds replaced what this one knew. */
        TAKEN,
        /** The table cannot say who sends it: nobody does for now. */
        UNKNOWN
    }

    /**
     * Before a message is sent. A single instance always may send it. Instances that share the table claim its
     * notifications there first ({@link OutboxRepository#claim}); when another instance holds or has finished one
     * of them, or the table cannot say, nothing is sent.
     */
    public Claim claim(List<OutboxEntry> message, java.time.Instant now) {
        if (claimant == null) {
            return Claim.CLAIMED;
        }
        List<OutboxEntry> refused;
        try {
            refused = repository.claim(message, claimant, now, now.plus(CLAIM_LEASE));
        } catch (RuntimeException databaseUnavailable) {
            LOG.warn("Cannot claim {} notification(s) for sending ({}); another instance may be sending them, so they"
                    + " wait", message.size(), databaseUnavailable.getMessage());
            return Claim.UNKNOWN;
        }
        if (!refused.isEmpty() && message.containsAll(refused)) {
            // not in the table yet (still in a spool): nobody can claim it until it is
            return Claim.UNKNOWN;
        }
        for (OutboxEntry current : refused) {
            if (current.state().isFinished()) {
                unfinished.remove(current.key());
                LOG.info("Notification {} was {} by another instance", current.key(),
                        current.state().name().toLowerCase(java.util.Locale.ROOT));
            } else {
                unfinished.put(current.key(), current);
            }
        }
        return refused.isEmpty() ? Claim.CLAIMED : Claim.TAKEN;
    }

    /**
     * Takes notifications that were just committed with their decision, so the dispatchers send them. They are
     * durable already: nothing is written here.
     */
    public void admit(Collection<OutboxEntry> committed) {
        for (OutboxEntry entry : committed) {
            if (unfinished.putIfAbsent(entry.key(), entry) == null) {
                listeners.forEach(listener -> listener.accept(entry));
            }
        }
    }

    /**
     * Adds a new notification unless one with the same idempotency key exists already.
     *
     * @return true when it was added
     */
    public boolean add(OutboxEntry entry) {
        if (unfinished.containsKey(entry.key())) {
            return false;
        }
        boolean added = store(entry);
        if (added) {
            unfinished.put(entry.key(), entry);
            listeners.forEach(listener -> listener.accept(entry));
        }
        return added;
    }

    /** Records a new state of an entry (delivered, to retry, failed, released …). */
    public void update(OutboxEntry entry) {
        updateAll(List.of(entry));
    }

    /**
     * Records new states of the notifications of one message in one write (one transaction, or one spool
     * append), so a crash leaves all of them as they were or all of them changed: a delivered message is
     * never half marked, and never sent again but as a whole.
     */
    public void updateAll(List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        writer.writeAllThrough(entries, this::upsertAll, true);
        for (OutboxEntry entry : entries) {
            if (entry.state().isFinished()) {
                unfinished.remove(entry.key());
            } else {
                unfinished.put(entry.key(), entry);
            }
        }
        entries.forEach(entry -> listeners.forEach(listener -> listener.accept(entry)));
    }

    /**
     * The unfinished entries of one channel, oldest written first: the order its dispatcher serves them in.
     * Entries written in the same instant (a FIRING and a RESOLVED another channel gave up together) keep
     * the order of their events.
     */
    public List<OutboxEntry> unfinishedFor(String channelId) {
        List<OutboxEntry> entries = new ArrayList<>();
        unfinished.values().stream().filter(entry -> entry.channelId().equals(channelId)).forEach(entries::add);
        entries.sort(WRITTEN_ORDER);
        return entries;
    }

    public List<OutboxEntry> unfinished() {
        return List.copyOf(unfinished.values());
    }

    /** The delivery record of an incident, from the table (empty while the database is down). */
    public List<OutboxEntry> forIncident(String incidentId) {
        try {
            return repository.forIncident(incidentId);
        } catch (RuntimeException databaseUnavailable) {
            return unfinished.values().stream()
                    .filter(entry -> entry.notification().event().incidentId().equals(incidentId))
                    .sorted(WRITTEN_ORDER).toList();
        }
    }

    /** From now on spooled changes are copied to the table whenever the database answers. Call after {@link #load}. */
    public void start() {
        writer.start();
    }

    /**
     * Waits until the spooled changes are in the table, or the timeout passes.
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

    /** The latest spooled state of every entry, in the order of their first change. */
    private Collection<OutboxEntry> latestSpooled() {
        Map<String, OutboxEntry> latest = new LinkedHashMap<>();
        writer.spooledItems().forEach(entry -> latest.put(entry.key(), entry));
        return latest.values();
    }

    /**
     * Writes to the table unless the database is failing or older changes still wait in the spool, in which
     * case the change is spooled: the table gets the changes in the order they were made.
     */
    private boolean store(OutboxEntry entry) {
        return writer.writeThrough(entry, repository::insertIfAbsent, true);
    }

    private boolean upsertAll(List<OutboxEntry> entries) {
        if (entries.size() == 1) {
            repository.upsert(entries.get(0));
        } else {
            repository.upsertAll(entries);
        }
        return true;
    }

    /** Spooled changes, copied as upserts: the last change of an entry wins, as it did when it was made. */
    private record Target(OutboxRepository repository) implements WriteTarget<OutboxEntry> {

        @Override
        public void write(Iterator<? extends OutboxEntry> changes) {
            changes.forEachRemaining(repository::upsert);
        }

        @Override
        public String describe(OutboxEntry entry) {
            return "The notification change " + entry.key();
        }
    }
}
