package io.sentinel.rules;

import io.sentinel.model.HealthState;
import io.sentinel.config.CheckConfig;
import io.sentinel.probe.ProbeResult;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current state of every check, updated by each result. A change of state is returned as a
 * {@link Verdict} (the new state and its alert event), which the alert path commits as one unit; streak
 * updates that decide nothing new are stored in the background.
 */
public final class CheckStates {

    private static final Logger LOG = LoggerFactory.getLogger(CheckStates.class);

    private final Function<String, Optional<CheckConfig>> checks;
    private final CheckStateRepository repository;
    private final Clock clock;
    private final BiFunction<String, Instant, String> incidentIds;
    private final Map<String, CheckState> states = new ConcurrentHashMap<>();
    private final Map<String, ProbeResult> lastResults = new ConcurrentHashMap<>();

    /**
     * @param incidentIds names the incident a check's new problem opens, from the check id and when it began
     */
    public CheckStates(Function<String, Optional<CheckConfig>> checks, CheckStateRepository repository, Clock clock,
                       BiFunction<String, Instant, String> incidentIds) {
        this.checks = checks;
        this.repository = repository;
        this.clock = clock;
        this.incidentIds = incidentIds;
    }

    public CheckStates(Function<String, Optional<CheckConfig>> checks, CheckStateRepository repository, Clock clock) {
        this(checks, repository, clock, IncidentIds::forCheck);
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
     * Applies one result. A change of state comes back as a verdict holding the new state and, when people
     * must hear about it, its alert event; the caller commits both together. Anything else is
     * {@link Verdict#NONE}.
     */
    public Verdict evaluate(ProbeResult result) {
        CheckConfig check = checks.apply(result.checkId())
                .orElseThrow(() -> new IllegalArgumentException("result for unknown check '" + result.checkId() + "'"));
        return evaluate(check, result);
    }

    /** As {@link #evaluate(ProbeResult)}, for a caller that holds the check already. */
    public Verdict evaluate(CheckConfig check, ProbeResult result) {
        lastResults.put(check.id(), result);
        Instant now = clock.instant();
        ThresholdPolicy policy = new ThresholdPolicy(check.failureThreshold(), check.successThreshold());
        CheckState[] before = new CheckState[1];
        CheckState after = states.compute(check.id(), (id, current) -> {
            before[0] = current == null ? CheckState.unknown(id) : current;
            return policy.next(before[0], result, now, () -> incidentIds.apply(id, now));
        });
        if (after == before[0]) {
            return Verdict.NONE;
        }
        if (before[0].state() != after.state()) {
            LOG.info("{} is now {} (was {})", check.id(), after.state(), before[0].state());
            return new Verdict(after, StateChangeAlerts.between(before[0], after, result, check, now).stream().toList());
        }
        if (!after.decidesLike(before[0], Math.max(check.failureThreshold(), check.successThreshold()))) {
            repository.saveLater(after);
        }
        return Verdict.NONE;
    }

    /**
     * Nothing can be known about the check for now (Sentinel itself lost the network): an UP check becomes
     * UNKNOWN, silently, and is judged afresh from its next results. A problem state keeps its alert.
     */
    public void forget(String checkId) {
        CheckState[] forgotten = new CheckState[1];
        states.computeIfPresent(checkId, (id, current) -> {
            if (current.state() != HealthState.UP) {
                return current;
            }
            forgotten[0] = CheckState.unknown(id);
            return forgotten[0];
        });
        if (forgotten[0] != null) {
            LOG.info("{} is now UNKNOWN (was UP): Sentinel lost connectivity", checkId);
            repository.saveLater(forgotten[0]);
        }
    }

    /** After a configuration change: removed checks are forgotten; new ones are UNKNOWN until their probes say. */
    public void retain(Collection<String> checkIds) {
        java.util.Set<String> kept = java.util.Set.copyOf(checkIds);
        states.keySet().retainAll(kept);
        lastResults.keySet().retainAll(kept);
        for (String checkId : kept) {
            states.putIfAbsent(checkId, CheckState.unknown(checkId));
        }
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
