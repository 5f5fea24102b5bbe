package io.sentinel.store;

import io.sentinel.model.FailureClass;
import io.sentinel.probe.ProbeResult;
import java.time.Duration;
import java.time.Instant;

/** Probe results for store tests, each one recognisable by its sequence number. */
final class TestResults {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private TestResults() {
    }

    /** An UP result whose message and {@code sequence} reading carry its number. */
    static ProbeResult numbered(String checkId, int sequence) {
        return ProbeResult.of(checkId, "hunter", T0.plusSeconds(sequence))
                .latency(Duration.ofMillis(40 + sequence % 100))
                .httpStatus(200)
                .reading("sequence", sequence)
                .up("result " + sequence);
    }

    static ProbeResult downAt(String checkId, Instant startedAt) {
        return ProbeResult.of(checkId, "supabase-db", startedAt)
                .latency(Duration.ofSeconds(5))
                .down(FailureClass.TIMEOUT, "no answer within 5 s");
    }

    static ProbeResult upAt(String checkId, Instant startedAt) {
        return ProbeResult.of(checkId, "supabase-db", startedAt)
                .latency(Duration.ofMillis(12))
                .httpStatus(200)
                .up("ok");
    }
}
