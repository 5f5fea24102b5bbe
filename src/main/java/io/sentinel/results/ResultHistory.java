package io.sentinel.results;

import io.sentinel.probe.ProbeResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Past results, newest first. */
public interface ResultHistory {

    List<ProbeResult> history(String checkId, int limit);

    Map<String, ProbeResult> latestPerCheck();

    /** Every check's results that started at {@code from} or later, oldest first; at most the newest {@code limit}. */
    List<LatencySample> latenciesSince(Instant from, int limit);
}
