package io.sentinel.rules;

import io.sentinel.model.AlertEvent;
import io.sentinel.config.CheckConfig;
import io.sentinel.probe.ProbeExchange;
import io.sentinel.probe.ProbeResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

/**
 * The rules step of the results route: every result goes through the check's thresholds and its other rules,
 * and collects what the {@link AlertSource}s raised meanwhile. What comes out is one {@link Verdict}, the only
 * thing the alert path takes.
 */
public final class Rules {

    private final CheckStates states;
    private final List<ResultRule> resultRules;
    private final List<AlertSource> sources;

    public Rules(CheckStates states, List<ResultRule> resultRules, List<AlertSource> sources) {
        this.states = states;
        this.resultRules = List.copyOf(resultRules);
        this.sources = List.copyOf(sources);
    }

    /** The verdict on one result of a check. */
    public Verdict decide(@ExchangeProperty(ProbeExchange.CHECK) CheckConfig check, @Body ProbeResult result) {
        Verdict verdict = states.evaluate(check, result);
        List<AlertEvent> more = new ArrayList<>();
        for (ResultRule rule : resultRules) {
            more.addAll(rule.apply(check, result));
        }
        more.addAll(pendingEvents());
        return verdict.and(more);
    }

    /** What the sources raised with no result to carry it (an operator's action, a timed transition). */
    public Verdict pending() {
        return Verdict.of(pendingEvents());
    }

    private List<AlertEvent> pendingEvents() {
        List<AlertEvent> events = new ArrayList<>();
        for (AlertSource source : sources) {
            events.addAll(source.drain());
        }
        return events;
    }
}
