package io.sentinel.rules;

import io.sentinel.model.AlertEvent;
import io.sentinel.config.CheckConfig;
import io.sentinel.probe.ProbeExchange;
import io.sentinel.probe.ProbeResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Processor;

/**
 * The rules step of the results route: every result goes through the check's thresholds (whose announcements
 * pause while the check flaps) and its other rules, and collects what the {@link AlertSource}s raised meanwhile. What comes out is one {@link Verdict}, the only
 * thing the alert path takes.
 */
public final class Rules implements Processor {

    private final CheckStates states;
    private final FlapDetection flapping;
    private final List<ResultRule> resultRules;
    private final List<AlertSource> sources;
    private final Clock clock;
    private final BooleanSupplier deciding;
    private final BiConsumer<CheckState, ProbeResult> locationView;

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
        this(states, flapping, resultRules, sources, clock, deciding, null);
    }

    /**
     * @param locationView for one location of a cluster: takes the check's state by this location's results after
     *                     each one, to share with the leader, which decides the state from every location's view; the
     *                     thresholds' own verdict then goes no further. Null for a single instance.
     */
    public Rules(CheckStates states, FlapDetection flapping, List<ResultRule> resultRules, List<AlertSource> sources,
                 Clock clock, BooleanSupplier deciding, BiConsumer<CheckState, ProbeResult> locationView) {
        this.locationView = locationView;
        this.deciding = deciding;
        this.states = states;
        this.flapping = flapping;
        this.resultRules = List.copyOf(resultRules);
        this.sources = List.copyOf(sources);
        this.clock = clock;
    }

    /** The results route's step: the verdict on the exchange's result becomes the body. */
    @Override
    public void process(Exchange exchange) {
        exchange.getMessage().setBody(decide(ProbeExchange.check(exchange), ProbeExchange.result(exchange)));
    }

    /** The verdict on one result of a check. */
    public Verdict decide(@ExchangeProperty(ProbeExchange.CHECK) CheckConfig check, @Body ProbeResult result) {
        Verdict verdict;
        if (locationView == null) {
            verdict = flapping.apply(check, result, states.evaluate(check, result), states.state(check.id()),
                    clock.instant());
        } else {
            states.evaluate(check, result);
            locationView.accept(states.state(check.id()), result);
            verdict = Verdict.NONE;
        }
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
