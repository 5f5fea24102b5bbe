package io.sentinel.probe;

import io.sentinel.config.CheckConfig;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** When each check's first probe runs. */
public final class ProbeSchedule {

    /** First probes are spread over at most this long, so the first status appears quickly. */
    static final Duration MAX_SPREAD = Duration.ofSeconds(10);

    private ProbeSchedule() {
    }

    /**
     * A stable offset per check from its id, spread over its interval (capped at {@link #MAX_SPREAD}), so that a
     * thousand checks do not all fire in the same millisecond after a start. Two checks with the same interval
     * never get the same offset: their scheduler endpoints would be identical, and Camel allows one consumer
     * per endpoint.
     */
    public static Map<String, Duration> initialDelays(List<CheckConfig> checks) {
        Map<String, Duration> delays = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (CheckConfig check : checks) {
            long spreadMillis = Math.max(1, Math.min(check.interval().toMillis(), MAX_SPREAD.toMillis()));
            long offset = Math.floorMod(check.id().hashCode() * 2_654_435_761L, spreadMillis);
            while (!taken.add(check.interval().toMillis() + "/" + offset)) {
                offset++;
            }
            delays.put(check.id(), Duration.ofMillis(offset));
        }
        return delays;
    }
}
