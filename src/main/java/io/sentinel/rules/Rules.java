package io.sentinel.rules;

import io.sentinel.model.AlertEvent;
import io.sentinel.config.CheckConfig;
import io.sentinel.probe.ProbeExchange;
import io.sentinel.probe.ProbeResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

/**
 * The rules step of the results route: every result goes through the check's thresholds (whose announcements
 * pause while the check flaps) and its other rules, and collects what the {@link AlertSource}s raised meanwhile. What comes out is one {@link Verdict}, the only
 * thing the alert path takes.
 */
public final class Rules {

    private final CheckStates states;
    private final FlapDetection flapping;
    private final List<ResultRule> resultRules;
    private final List<AlertSource> sources;
    private final Clock clock;
    private final BooleanSupplier deciding;

    public Rules(CheckStates states, FlapDetection flapping, List<ResultRule> resultRules, List<AlertSource> sources,
                 Clock clock) {
        this(states, flapping, resultRules, sources, clock, () -> true);
    }

    /**
     * @param deciding whether this instance decides now (it leads its cluster, or runs alone). An instance that
     *                 does not still judges every result, so that its rules are warm when it takes over, but what it
     *                 concludes is the leader's to decide, and goes no further.
     */
    public Rules(CheckStates states, FlapDetection flapping, List<ResultRule> resultRules, List<AlertSource> sources,
                 Clock clock, BooleanSupplier deciding) {
        this.deciding = deciding;
        this.states = states;
        this.flapping = flapping;
        this.resultRules = List.copyOf(resultRules);
        this.sources = List.copyOf(sources);
        this.clock = clock;
    }

    /** The verdict on one result of a check. */
    public Verdict decide(@ExchangeProperty(ProbeExchange.CHECK) CheckConfig check, @Body ProbeResult result) {
        Verdict verdict = flapping.apply(check, result, states.evaluate(check, result), states.state(check.id()), clock.instant());
        List<AlertEvent> more = new ArrayList<>();
        for (ResultRule rule : resultRules) {
            more.addAll(rule.apply(check, result));
        }
        more.addAll(pendingEvents());
        return deciding.getAsBoolean() ? verdict.and(more) : Verdict.NONE;
    }

    /** What the sources raised with no result to carry it (an operator's action, a timed transition). */
    public Verdict pending() {
        List<AlertEvent> events = pendingEvents();
        return deciding.getAsBoolean() ? Verdict.of(events) : Verdict.NONE;
    }

    private List<AlertEvent> pendingEvents() {
        List<AlertEvent> events = new ArrayList<>();
        for (AlertSource source : sources) {
            events.addAll(source.drain());
        }
        return events;
    }
}
