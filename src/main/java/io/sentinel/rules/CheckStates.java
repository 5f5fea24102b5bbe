package io.sentinel.rules;

import io.sentinel.alert.AlertEvent;
import io.sentinel.config.CheckConfig;
import io.sentinel.probe.ProbeResult;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current state of every check, updated by each result. Changes of state are stored at once and
 * returned as alert events; streak updates are stored in the background.
 */
public final class CheckStates {

    private static final Logger LOG = LoggerFactory.getLogger(CheckStates.class);

    private final Function<String, Optional<CheckConfig>> checks;
    private final CheckStateRepository repository;
    private final Clock clock;
    private final Supplier<String> ids;
    private final StateChangeAlerts alerts;
    private final Map<String, CheckState> states = new ConcurrentHashMap<>();
    private final Map<String, ProbeResult> lastResults = new ConcurrentHashMap<>();

    public CheckStates(Function<String, Optional<CheckConfig>> checks, CheckStateRepository repository, Clock clock,
                       Supplier<String> ids) {
        this.checks = checks;
        this.repository = repository;
        this.clock = clock;
        this.ids = ids;
        this.alerts = new StateChangeAlerts(ids);
    }

    public CheckStates(Function<String, Optional<CheckConfig>> checks, CheckStateRepository repository, Clock clock) {
        this(checks, repository, clock, () -> UUID.randomUUID().toString());
    }

    /** Picks up where the last run stopped, for the checks that are still configured. */
    public void restore(Collection<String> checkIds, Map<String, CheckState> stored,
                        Map<String, ProbeResult> lastKnownResults) {
        for (String checkId : checkIds) {
            CheckState state = stored.getOrDefault(checkId, CheckState.unknown(checkId));
            states.put(checkId, state);
            Optional.ofNullable(lastKnownResults.get(checkId)).ifPresent(result -> lastResults.put(checkId, result));
        }
        long restored = states.values().stream().filter(state -> state.state() != HealthState.UNKNOWN).count();
        if (restored > 0) {
            LOG.info("Restored the state of {} check(s) from the previous run", restored);
        }
    }

    /**
     * Applies one result. Returns the alert event when the check changed state in a way people must hear
     * about, else null (Camel routes filter on it).
     */
    public AlertEvent evaluate(ProbeResult result) {
        CheckConfig check = checks.apply(result.checkId())
                .orElseThrow(() -> new IllegalArgumentException("result for unknown check '" + result.checkId() + "'"));
        lastResults.put(check.id(), result);
        Instant now = clock.instant();
        ThresholdPolicy policy = new ThresholdPolicy(check.failureThreshold(), check.successThreshold());
        CheckState[] before = new CheckState[1];
        CheckState after = states.compute(check.id(), (id, current) -> {
            before[0] = current == null ? CheckState.unknown(id) : current;
            return policy.next(before[0], result, now, ids);
        });
        if (after == before[0]) {
            return null;
        }
        Optional<AlertEvent> event = alerts.between(before[0], after, result, check, now);
        if (before[0].state() != after.state()) {
            LOG.info("{} is now {} (was {})", check.id(), after.state(), before[0].state());
            repository.save(after);
        } else if (!after.decidesLike(before[0], Math.max(check.failureThreshold(), check.successThreshold()))) {
            repository.saveLater(after);
        }
        return event.orElse(null);
    }

    public CheckState state(String checkId) {
        return states.getOrDefault(checkId, CheckState.unknown(checkId));
    }

    public Optional<ProbeResult> lastResult(String checkId) {
        return Optional.ofNullable(lastResults.get(checkId));
    }

    public List<CheckState> all() {
        return List.copyOf(states.values());
    }
}
