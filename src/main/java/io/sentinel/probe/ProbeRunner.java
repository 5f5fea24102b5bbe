package io.sentinel.probe;

import io.sentinel.model.FailureClass;
import io.sentinel.config.CheckConfig;
import io.sentinel.cost.ProbeCosts;
import io.sentinel.secret.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a probe route template calls: runs the check's kind's {@link Probe} and applies the check's
 * latency limit (the same for every kind), after asking the budget whether a paid probe may run. A probe that throws
 * (a bug, not a dependency failure) still yields a result, so the check's state stays truthful and the
 * route keeps running.
 */
public final class ProbeRunner implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeRunner.class);

    private final Probe probe;
    private final ProbeCosts costs;
    private final Clock clock;

    public ProbeRunner(Probe probe, ProbeCosts costs, Clock clock) {
        this.probe = probe;
        this.costs = costs;
        this.clock = clock;
    }

    /** The probe route's step: the exchange's check probed, its result the new body. */
    @Override
    public void process(Exchange exchange) {
        exchange.getMessage().setBody(probe(ProbeExchange.check(exchange)));
    }

    public ProbeResult probe(@ExchangeProperty(ProbeExchange.CHECK) CheckConfig check) {
        Optional<String> refused = costs.refusal(check);
        if (refused.isPresent()) {
            return ProbeResult.of(check.id(), check.dependency(), clock.instant()).skipped(refused.get());
        }
        long started = System.nanoTime();
        try {
            return costs.charge(check, LatencyLimit.apply(probe.probe(check), check.latencyLimit()));
        } catch (RuntimeException bug) {
            String reason = Redactor.global().describe(bug);
            LOG.warn("Probe of {} failed unexpectedly: {}", check.id(), reason);
            return ProbeResult.of(check.id(), check.dependency(), clock.instant())
                    .latency(Duration.ofNanos(System.nanoTime() - started))
                    .down(FailureClass.INTERNAL, "probe failed unexpectedly: " + reason);
        }
    }
}
