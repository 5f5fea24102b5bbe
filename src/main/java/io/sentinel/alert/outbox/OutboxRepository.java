package io.sentinel.alert.outbox;

import java.util.List;

/** The durable part of the outbox: the database table of notifications. */
public interface OutboxRepository {

    /** Stores a new entry; false when an entry with its key already exists (the key is the idempotency key). */
    boolean insertIfAbsent(OutboxEntry entry);

    /** Stores the entry's current state, inserting it when it is not there yet. */
    void upsert(OutboxEntry entry);

    /**
     * Stores the current state of several entries in one transaction: the notifications of one message are
     * delivered together, so they are marked together or not at all.
     */
    void upsertAll(List<OutboxEntry> entries);

    /** Every entry not delivered, failed or suppressed: what a restart must continue. */
    List<OutboxEntry> unfinished();

    /** Every entry of one incident, oldest first: its delivery timeline. */
    List<OutboxEntry> forIncident(String incidentId);
}
