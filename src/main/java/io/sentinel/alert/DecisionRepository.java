package io.sentinel.alert;

import io.sentinel.alert.outbox.OutboxEntry;
import java.util.List;

/** Where decisions become durable, each in one transaction (or, while the database is down, one spool line). */
public interface DecisionRepository {

    /**
     * Makes the decision durable before anyone is told about it. Never throws because the database is down.
     *
     * @return the notifications that are new, i.e. not already stored under their idempotency key
     */
    List<OutboxEntry> commit(Decision decision);

    /** Decisions made while the database was down and not yet copied there, oldest first. */
    List<Decision> uncopied();
}
