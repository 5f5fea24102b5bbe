package io.sentinel.probe.schedule;

import io.sentinel.config.CheckConfig;
import java.time.Duration;

/** When a check's first probe runs after a start or after its configuration changed. */
final class FirstProbe {

    /** First probes are spread over at most this long, so the first status appears quickly. */
    static final Duration MAX_SPREAD = Duration.ofSeconds(10);

    private FirstProbe() {
    }

    /**
     * A stable offset from the check's id, spread over its interval (capped at {@link #MAX_SPREAD}), so that a
     * thousand checks do not all fire in the same millisecond after a start, and a check's place is the same on
     * every start.
     */
    static Duration delay(CheckConfig check) {
        long spreadMillis = Math.max(1, Math.min(check.interval().toMillis(), MAX_SPREAD.toMillis()));
        return Duration.ofMillis(Math.floorMod(check.id().hashCode() * 2_654_435_761L, spreadMillis));
    }
}
