package io.sentinel.incident.timeline;

import io.sentinel.probe.ProbeResult;
import java.time.Instant;
import java.util.List;

/** The recorded results of one check over a stretch of time. */
@FunctionalInterface
public interface ProbeWindow {

    /** Results that started from {@code from} to {@code to}, oldest first. */
    List<ProbeResult> between(String checkId, Instant from, Instant to);
}
