package io.sentinel.report.diagnostics;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Stored probe results as the diagnostics report reads them: counted by the database, or handed over one at a
 * time for one check, so a day of ten thousand checks is never held at once. Windows include {@code from} and
 * exclude {@code to}. Every method throws when the database cannot answer.
 */
public interface ObservationRepository {

    /** Results per check and outcome in the window. */
    List<OutcomeCount> outcomeCounts(Instant from, Instant to);

    /** Each result of one check in the window, in no particular order. */
    void scan(String checkId, Instant from, Instant to, Consumer<Observation> each);
}
