package io.sentinel.alert.outbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every notification is written here before it is sent, and every attempt is recorded, so a crash or a
 * restart continues exactly where delivery stopped. The database table is the durable record; while the
 * database is down, changes go to a local spool file and are copied to the table when it is back. The
 * unfinished entries are also kept in memory: that is what the dispatchers work from.
 */
public final class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final Comparator<OutboxEntry> WRITTEN_ORDER = Comparator
            .comparing((OutboxEntry entry) -> entry.notification().createdAt())
            .thenComparing(entry -> entry.notification().event().at())
            .thenComparing(OutboxEntry::key);

    private final OutboxRepository repository;
    private final OutboxSpool spool;
    private final Map<String, OutboxEntry> unfinished = new ConcurrentHashMap<>();
    private final List<Consumer<OutboxEntry>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean databaseDown;

    public Outbox(OutboxRepository repository, Path spoolDirectory) {
        this.repository = repository;
        this.spool = new OutboxSpool(spoolDirectory);
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
            databaseDown = true;
            LOG.warn("Could not read the outbox table ({}); continuing with the local spool only",
                    databaseUnavailable.getMessage());
        }
        for (OutboxEntry entry : spool.latest()) {
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

    /** Called for every entry added or changed, e.g. to wake the channel's dispatcher. */
    public void onChange(Consumer<OutboxEntry> listener) {
        listeners.add(listener);
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
        boolean added = store(entry, true);
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
        storeAll(entries);
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

    /** Copies spooled changes to the table once the database answers again. */
    public void synchronize() {
        if (spool.isEmpty()) {
            return;
        }
        try {
            int copied = spool.replayInto(repository::upsert);
            databaseDown = false;
            LOG.info("The database is back: {} notification change(s) copied from the local spool to the outbox", copied);
        } catch (RuntimeException stillDown) {
            LOG.debug("The outbox spool still waits for the database: {}", stillDown.getMessage());
        }
    }

    private boolean store(OutboxEntry entry, boolean isNew) {
        Optional<Boolean> stored = inTable(() -> isNew ? repository.insertIfAbsent(entry) : upsert(entry));
        if (stored.isPresent()) {
            return stored.get();
        }
        spool.append(entry);
        return true;
    }

    private boolean upsert(OutboxEntry entry) {
        repository.upsert(entry);
        return true;
    }

    private void storeAll(List<OutboxEntry> entries) {
        if (entries.size() == 1) {
            store(entries.get(0), false);
        } else if (inTable(() -> {
            repository.upsertAll(entries);
            return true;
        }).isEmpty()) {
            spool.appendAll(entries);
        }
    }

    /**
     * Writes to the table, or says it could not (the caller spools instead). Once spooling, changes keep going
     * to the spool until it has been copied to the table, so they reach the table in the order they were made.
     */
    private <T> Optional<T> inTable(Supplier<T> write) {
        if (databaseDown && !spool.isEmpty()) {
            return Optional.empty();
        }
        try {
            T written = write.get();
            databaseDown = false;
            return Optional.of(written);
        } catch (RuntimeException databaseUnavailable) {
            if (!databaseDown) {
                LOG.warn("The outbox table cannot be written ({}); notifications are kept in a local spool until"
                        + " the database is back, and delivery goes on", databaseUnavailable.getMessage());
            }
            databaseDown = true;
            return Optional.empty();
        }
    }
}
