package io.sentinel.rules;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.Durations;
import io.sentinel.config.RuleConfig;
import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.model.HealthState;
import io.sentinel.probe.ProbeResult;
import io.sentinel.results.ResultHistory;
import io.sentinel.rules.conditions.Judgement;
import io.sentinel.rules.conditions.Judges;
import io.sentinel.rules.conditions.SeriesJudge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every check's {@code rules} (docs/rules.md) on each of its results: error rates, latency percentiles,
 * baselines, reading limits and exhaustion. Each rule keeps one series per thing it watches (the check's probes,
 * or each reading its pattern matches), each in memory of a fixed size, and fires and resolves through alert
 * events whose ids are made from the check, the rule, the series and the moment the condition began to hold.
 *
 * <p>A check's rules start from its stored results the first time one of its results arrives: replaying them
 * gives the same windows, the same firing rules and the same incident ids as before the restart. A rule found
 * firing whose start the replay saw raises its FIRING event again, which the alert path recognises by its id
 * when it was committed before (and sends when a crash lost it); one that already held at the oldest replayed
 * result keeps firing quietly.
 */
public final class AlertRules implements ResultRule {

    /** The most stored results one check's replay reads. */
    static final int HISTORY_LIMIT = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(AlertRules.class);

    private final ResultHistory history;
    private final Clock clock;
    private final Map<String, CheckRules> checks = new ConcurrentHashMap<>();
    /** The rule alerts a previous leader left open, by series, until the check's next result settles them. */
    private final Map<String, AlertEvent> leftOpen = new ConcurrentHashMap<>();
    /** The checks whose rules are to be squared with what a previous leader told, at their next result. */
    private final Set<String> toSettle = ConcurrentHashMap.newKeySet();

    public AlertRules(ResultHistory history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    @Override
    public List<AlertEvent> apply(CheckConfig check, ProbeResult result) {
        if (check.rules().isEmpty()) {
            return List.of();
        }
        List<AlertEvent> events = new ArrayList<>();
        CheckRules rules = checks.get(check.id());
        boolean rebuiltNow = false;
        if (rules == null) {
            CheckRules rebuilt = rebuilt(check, result);
            rules = checks.putIfAbsent(check.id(), rebuilt);
            if (rules == null) {
                rules = rebuilt;
                rebuiltNow = true;
            }
        }
        synchronized (rules) {
            if (toSettle.remove(check.id())) {
                events.addAll(rules.settle(check, leftOpen, clock.instant()));
            } else if (rebuiltNow) {
                events.addAll(rules.firingWithKnownStart());
            }
            events.addAll(rules.apply(check, result, clock.instant()));
        }
        return events;
    }

    /**
     * On taking over from another leader, with the rule alerts it told and left open. This instance judged the same
     * rules while it followed, but on its own location's results: its series may hold since another moment, or not
     * at all, and what it saw fire was told to nobody. At each check's next result the two are squared: a series
     * firing here goes on under the open alert's id (nobody hears of it twice), an open alert no series fires here
     * is resolved, and a series firing here that no open alert covers is announced.
     */
    public void takeOver(Collection<AlertEvent> openRuleAlerts) {
        leftOpen.clear();
        for (AlertEvent alert : openRuleAlerts) {
            IncidentIds.ruleSeriesOf(alert.incidentId()).ifPresent(series -> leftOpen.put(series, alert));
        }
        toSettle.addAll(checks.keySet());
        openRuleAlerts.stream().map(AlertEvent::checkId).filter(java.util.Objects::nonNull).forEach(toSettle::add);
    }

    /** The check's rules after replaying its stored results from before {@code first}. */
    private CheckRules rebuilt(CheckConfig check, ProbeResult first) {
        CheckRules rules = new CheckRules();
        Duration lookback = check.rules().stream().map(RuleConfig::lookback).max(Duration::compareTo).orElse(Duration.ZERO);
        try {
            List<ProbeResult> stored = history.since(check.id(), first.startedAt().minus(lookback), HISTORY_LIMIT);
            int replayed = 0;
            for (int i = stored.size() - 1; i >= 0; i--) {
                if (stored.get(i).startedAt().isBefore(first.startedAt())) {
                    rules.apply(check, stored.get(i), clock.instant());
                    replayed++;
                }
            }
            LOG.debug("The rules of {} start from {} stored result(s)", check.id(), replayed);
        } catch (RuntimeException databaseUnavailable) {
            LOG.info("The rules of {} start without history: {}", check.id(), databaseUnavailable.getMessage());
        }
        return rules;
    }

    /** When a probe finished: the moment rules judge it at, the same on every replay. */
    static Instant observedAt(ProbeResult result) {
        return result.startedAt().plus(result.latency());
    }

    /**
     * For each reading of the check that an {@code exhaustsWithin} rule watches, how long until it reaches zero at
     * its current rate; a reading without enough history for a trend, or one that is not falling, is left out.
     */
    public Map<String, Duration> timeUntilExhausted(CheckConfig check) {
        CheckRules rules = checks.get(check.id());
        Map<String, Duration> forecasts = new LinkedHashMap<>();
        if (rules == null) {
            return forecasts;
        }
        synchronized (rules) {
            rules.byRule.values().forEach(series -> series.values().forEach(one -> one.judge().timeUntilExhausted()
                    .ifPresent(left -> forecasts.putIfAbsent(left.getKey(), left.getValue()))));
        }
        return forecasts;
    }

    /** The series of every rule of one check. Used under its own lock. */
    private static final class CheckRules {

        private final Map<String, Map<String, Series>> byRule = new LinkedHashMap<>();

        List<AlertEvent> apply(CheckConfig check, ProbeResult result, Instant now) {
            Instant at = observedAt(result);
            List<AlertEvent> events = new ArrayList<>();
            for (RuleConfig rule : check.rules()) {
                Set<String> carried = Judges.seriesIn(rule.condition(), result);
                if (carried.isEmpty()) {
                    continue;
                }
                Map<String, Series> series = byRule.computeIfAbsent(rule.id(), id -> new LinkedHashMap<>());
                for (String key : carried) {
                    series.computeIfAbsent(key, fresh -> new Series(Judges.forSeries(rule.condition(), fresh)))
                            .judge().observe(result, at);
                }
                // every series is judged when the rule hears of any: time passes for a function with no traffic too
                series.forEach((key, one) -> judge(check, rule, key, one, at, now).ifPresent(events::add));
                series.entrySet().removeIf(entry -> !carried.contains(entry.getKey())
                        && entry.getValue().firing().isInactive() && entry.getValue().judge().isIdle(at));
            }
            return events;
        }

        /** See {@link AlertRules#takeOver}: the events that square this check's series with the alerts left open. */
        List<AlertEvent> settle(CheckConfig check, Map<String, AlertEvent> leftOpen, Instant now) {
            List<AlertEvent> events = new ArrayList<>();
            byRule.forEach((ruleId, series) -> series.forEach((key, one) -> {
                if (!one.firing().isFiring()) {
                    return;
                }
                AlertEvent open = leftOpen.remove(IncidentIds.ruleSeries(check.id(), ruleId, key));
                if (open != null) {
                    one.firing().fired(open);
                } else {
                    events.add(one.firing().firedEvent());
                }
            }));
            List<String> notFiringHere = leftOpen.entrySet().stream()
                    .filter(open -> check.id().equals(open.getValue().checkId())).map(Map.Entry::getKey).toList();
            for (String series : notFiringHere) {
                AlertEvent open = leftOpen.remove(series);
                events.add(new AlertEvent(IncidentIds.event(open.incidentId(), AlertStatus.RESOLVED.name(),
                        HealthState.UP.name(), now), open.incidentId(), AlertStatus.RESOLVED, open.severity(), check.id(),
                        check.dependency(), HealthState.UP, HealthState.DEGRADED, null,
                        "no longer: the rule does not hold as the new leader judges it", null, open.since(), now));
            }
            return events;
        }

        /** The FIRING events of the rules that fire now and whose start the replay saw. */
        List<AlertEvent> firingWithKnownStart() {
            List<AlertEvent> events = new ArrayList<>();
            byRule.values().forEach(series -> series.values().stream()
                    .filter(one -> one.firing().isFiring() && one.firing().startObserved())
                    .forEach(one -> events.add(one.firing().firedEvent())));
            return events;
        }

        private static Optional<AlertEvent> judge(CheckConfig check, RuleConfig rule, String key, Series series,
                                                            Instant at, Instant now) {
            Judgement judgement = series.judge().judge(at);
            RuleFiring.Change change = series.firing().next(judgement.holds(), at, rule.holdFor(), rule.keepFiringFor());
            if (change == RuleFiring.Change.FIRED) {
                Instant began = series.firing().holdingSince();
                String incident = IncidentIds.forRule(check.id(), rule.id(), key, began);
                String held = rule.holdFor().isZero() ? "" : " (for " + Durations.format(Duration.between(began, at)) + ")";
                AlertEvent event = new AlertEvent(IncidentIds.event(incident, AlertStatus.FIRING.name(), HealthState.DEGRADED.name(), at),
                        incident, AlertStatus.FIRING, rule.severityFor(check), check.id(), check.dependency(), HealthState.DEGRADED,
                        HealthState.UP, null, judgement.reason() + held, null, began, now);
                series.firing().fired(event);
                return Optional.of(event);
            }
            if (change == RuleFiring.Change.RESOLVED) {
                AlertEvent fired = series.firing().firedEvent();
                String incident = fired.incidentId();
                return Optional.of(new AlertEvent(IncidentIds.event(incident, AlertStatus.RESOLVED.name(), HealthState.UP.name(), at),
                        incident, AlertStatus.RESOLVED, fired.severity(), check.id(), check.dependency(), HealthState.UP,
                        HealthState.DEGRADED, null, "no longer: " + judgement.reason(), null, fired.since(), now));
            }
            return Optional.empty();
        }
    }

    private record Series(SeriesJudge judge, RuleFiring firing) {
        Series(SeriesJudge judge) {
            this(judge, new RuleFiring());
        }
    }
}
