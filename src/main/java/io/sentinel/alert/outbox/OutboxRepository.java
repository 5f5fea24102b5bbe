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

    /**
     * Claims every entry of one message for one send, all or none. An entry is claimed when its row is still as
     * the caller knows it (PENDING, with the same number of attempts) and no other live claim holds it; the claim
     * lasts until {@code until} unless the outcome is stored first (every {@link #upsert} ends it). Of two
     * instances that both believe they lead, only one can claim a notification for a given attempt, so only one
     * sends it.
     *
     * @return empty when every entry was claimed; otherwise nothing was claimed, and these are the entries that
     *         could not be, as the table has them now (their next attempt no earlier than another's claim ends)
     */
    default List<OutboxEntry> claim(List<OutboxEntry> entries, String claimant, java.time.Instant now,
                                    java.time.Instant until) {
        return List.of();
    }

    /** Every entry of one incident, oldest first: its delivery timeline. */
    List<OutboxEntry> forIncident(String incidentId);
}
