package io.sentinel.results;

import io.sentinel.probe.ProbeResult;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Past results, newest first. */
public interface ResultHistory {

    List<ProbeResult> history(String checkId, int limit);

    /**
     * The check's results that started at or after {@code from}, newest first, at most {@code limit}. Stores
     * that can ask by time do; this default reads the newest {@code limit} and keeps those.
     */
    default List<ProbeResult> since(String checkId, Instant from, int limit) {
        return history(checkId, limit).stream().filter(result -> !result.startedAt().isBefore(from)).toList();
    }

    /** The newest result of each of these checks that has one, by check id. */
    Map<String, ProbeResult> latestOf(Collection<String> checkIds);

    /** Every check's results that started at {@code from} or later, oldest first; at most the newest {@code limit}. */
    List<LatencySample> latenciesSince(Instant from, int limit);
}
