package io.sentinel.results;

import io.sentinel.probe.ProbeResult;
import java.util.List;
import java.util.Map;

/** Past results, newest first. */
public interface ResultHistory {

    List<ProbeResult> history(String checkId, int limit);

    Map<String, ProbeResult> latestPerCheck();
}
