package io.sentinel.probe;

import io.sentinel.config.CheckConfig;
import java.time.Duration;

/** When a check's first probe runs. */
public final class ProbeSchedule {

    /** First probes are spread over at most this long, so the first status appears quickly. */
    static final Duration MAX_SPREAD = Duration.ofSeconds(10);

    private ProbeSchedule() {
    }

    /**
     * A stable offset from the check id, spread over the interval (capped at {@link #MAX_SPREAD}), so that a
     * thousand checks do not all fire in the same millisecond after a start.
     */
    public static Duration initialDelay(CheckConfig check) {
        long spreadMillis = Math.min(check.interval().toMillis(), MAX_SPREAD.toMillis());
        long offset = Math.floorMod(check.id().hashCode() * 2_654_435_761L, Math.max(1, spreadMillis));
        return Duration.ofMillis(offset);
    }
}
