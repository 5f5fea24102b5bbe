package io.sentinel.breaker;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.sentinel.config.CheckConfig;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeExchange;
import io.sentinel.probe.ProbeResult;
import io.sentinel.secret.Redactor;
import java.time.Clock;
import java.util.function.Predicate;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Processor;

/**
 * Tells the circuit breaker what a probe result means for the dependency, and turns whatever the breaker
 * did into a result again. Used by the probe route templates around the probe bean.
 */
public final class BreakerVerdict implements Processor {

    private final Breakers breakers;
    private final Clock clock;
    private final Predicate<ProbeResult> notCounted;

    public BreakerVerdict(Breakers breakers, Clock clock) {
        this(breakers, clock, result -> false);
    }

    /**
     * @param notCounted true for a result the breaker must not count: a failure that is Sentinel's own (it lost
     *                   the network), a connectivity check's result
     */
    public BreakerVerdict(Breakers breakers, Clock clock, Predicate<ProbeResult> notCounted) {
        this.breakers = breakers;
        this.clock = clock;
        this.notCounted = notCounted;
    }

    /** The step inside the breaker: {@link #judge} on the exchange's result (the fallback calls {@link #recover}). */
    @Override
    public void process(Exchange exchange) {
        exchange.getMessage().setBody(judge(ProbeExchange.result(exchange)));
    }

    /**
     * Inside the breaker: a failed probe becomes a {@link CountedFailure} and a probe that did not call the
     * dependency, failed because Sentinel lost the network, or watches Sentinel's own connectivity becomes
     * {@link NotCounted}; a working one passes through.
     */
    public ProbeResult judge(ProbeResult result) {
        if (notCounted.test(result)) {
            throw new NotCounted(result);
        }
        if (countsAsFailure(result)) {
            breakers.recordFailure(result);
            throw new CountedFailure(result);
        }
        if (result.outcome() == Outcome.SKIPPED) {
            throw new NotCounted(result);
        }
        return result;
    }

    /**
     * Every DOWN counts, except our own bugs ({@link FailureClass#INTERNAL}) and a route's broken result contract
     * ({@link FailureClass#CONTRACT}): a provider must not be disabled because Sentinel or a route crashed.
     */
    public static boolean countsAsFailure(ProbeResult result) {
        return result.outcome() == Outcome.DOWN && result.failureClass() != FailureClass.INTERNAL
                && result.failureClass() != FailureClass.CONTRACT;
    }

    /**
     * The breaker's fallback: recovers the result carried by the exception, or says the call was not made.
     * Camel records no exception when Resilience4j refused the call itself (breaker open, or half-open with
     * every trial taken), so an empty {@code EXCEPTION_CAUGHT} means "not permitted".
     */
    public ProbeResult recover(@ExchangeProperty(ProbeExchange.CHECK) CheckConfig check, Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (caught instanceof CountedFailure failure) {
            return failure.result();
        }
        if (caught instanceof NotCounted skipped) {
            return skipped.result();
        }
        ProbeResult.Builder result = ProbeResult.of(check.id(), check.dependency(), clock.instant());
        if (caught == null || caught instanceof CallNotPermittedException) {
            return result.shortCircuited(breakers.describeOpen(check.dependency()));
        }
        return result.down(FailureClass.INTERNAL, "probe failed unexpectedly: " + Redactor.global().describe(caught));
    }
}
