package io.sentinel.cluster;

import io.sentinel.probe.ProbeResult;
import io.sentinel.rules.CheckState;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This instance's view of each check, shared through the database after every result: its own thresholds' state
 * and the result. The leader reads every location's ({@link ClusterStates}).
 */
public final class LocationViews {

    /**
     * Where a cluster member's thresholds keep their states: nowhere. They are this location's view, shared through
     * {@link #record}; the decided states are the leader's to write.
     */
    public static final io.sentinel.rules.CheckStateRepository NOT_DECIDED = new io.sentinel.rules.CheckStateRepository() {
        @Override
        public Map<String, CheckState> loadAll() {
            return Map.of();
        }

        @Override
        public void saveLater(CheckState state) {
            // a location's streaks live in its view
        }
    };

    private final String location;
    private final LocationViewRepository repository;
    /** When each check last said something about its dependency here: a SKIPPED result keeps the previous time. */
    private final Map<String, Instant> observed = new ConcurrentHashMap<>();

    public LocationViews(String location, LocationViewRepository repository) {
        this.location = location;
        this.repository = repository;
    }

    /** Records the check's state here after {@code result}, and the result. */
    public void record(CheckState state, ProbeResult result) {
        Instant observedAt = result.outcome().isObservation()
                ? observed.merge(result.checkId(), result.startedAt().plus(result.latency()),
                        (known, newer) -> newer.isAfter(known) ? newer : known)
                : observed.get(result.checkId());
        repository.saveLater(new LocationView(location, state.state(), state.since(), state.consecutiveFailures(),
                state.consecutiveSuccesses(), result, observedAt));
    }

    public String location() {
        return location;
    }
}
