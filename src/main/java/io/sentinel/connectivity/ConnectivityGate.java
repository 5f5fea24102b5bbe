package io.sentinel.connectivity;

import io.sentinel.config.CheckConfig;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeExchange;
import io.sentinel.probe.ProbeResult;
import io.sentinel.rules.CheckStates;
import io.sentinel.model.HealthState;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Sentinel's own network trouble from being blamed on the dependencies. The connectivity checks (a
 * well-known endpoint or two, {@code connectivity: true}) say whether Sentinel reaches the network at all:
 *
 * <ul>
 *   <li>While the latest result of every connectivity check is a failure, a failed probe of any other check
 *       proves nothing about its dependency: it becomes SKIPPED ("Sentinel lost connectivity: …"), so no check
 *       goes DOWN for it, the breakers do not count it ({@link #isNotCountedByBreakers}) and reports do not
 *       count it as downtime.</li>
 *   <li>Once every connectivity check is DOWN (their own thresholds confirm the loss), the other checks
 *       become UNKNOWN as their next results arrive; checks that were DOWN or DEGRADED before keep their state
 *       and alert.</li>
 *   <li>When a connectivity check answers again, failed probes that started before that answer are still
 *       Sentinel's trouble, not stale alerts; judging resumes with the probes that start after it.</li>
 * </ul>
 *
 * A step of the results route, before anything counts or stores the result; without connectivity checks it
 * lets everything through.
 */
public final class ConnectivityGate implements Processor {

    public static final String LOST = "Sentinel lost connectivity";
    private static final Logger LOG = LoggerFactory.getLogger(ConnectivityGate.class);

    private final Set<String> connectivityChecks;
    private final CheckStates states;
    private final Map<String, Boolean> latestFailed = new ConcurrentHashMap<>();
    private volatile boolean lost;
    private volatile Instant regainedAt = Instant.MIN;

    public ConnectivityGate(Set<String> connectivityChecks, CheckStates states) {
        this.connectivityChecks = Set.copyOf(connectivityChecks);
        this.states = states;
    }

    /** The results route's step: {@link #judge} on the exchange's check and result. */
    @Override
    public void process(Exchange exchange) {
        exchange.getMessage().setBody(judge(ProbeExchange.check(exchange), ProbeExchange.result(exchange)));
    }

    /** The result as the rest of the pipeline should see it. */
    public ProbeResult judge(@ExchangeProperty(ProbeExchange.CHECK) CheckConfig check, @Body ProbeResult result) {
        if (connectivityChecks.isEmpty()) {
            return result;
        }
        if (connectivityChecks.contains(check.id())) {
            observe(check.id(), result);
            return result;
        }
        if (!blames(result)) {
            return result;
        }
        if (isConfirmed()) {
            states.forget(check.id());
        }
        return result.withOutcome(Outcome.SKIPPED, null, LOST + ": " + result.message());
    }

    /**
     * True when a failed result of a check that is not a connectivity check is Sentinel's own network's fault:
     * every connectivity check fails now, or the probe started before connectivity was back.
     */
    public boolean blames(ProbeResult result) {
        return result.isFailure() && !connectivityChecks.contains(result.checkId())
                && (lost || result.startedAt().isBefore(regainedAt));
    }

    /**
     * True for a result the breakers must not count: a failure that is Sentinel's own ({@link #blames}), and
     * any result of a connectivity check, whose breaker would stop the probes that tell when the network is back.
     */
    public boolean isNotCountedByBreakers(ProbeResult result) {
        return connectivityChecks.contains(result.checkId()) || blames(result);
    }

    /** Every connectivity check is DOWN by its own thresholds. */
    private boolean isConfirmed() {
        return connectivityChecks.stream().allMatch(id -> states.state(id).state() == HealthState.DOWN);
    }

    private synchronized void observe(String checkId, ProbeResult result) {
        if (!result.outcome().isObservation()) {
            return;
        }
        latestFailed.put(checkId, result.isFailure());
        boolean allFail = latestFailed.size() == connectivityChecks.size()
                && latestFailed.values().stream().allMatch(Boolean::booleanValue);
        if (allFail && !lost) {
            LOG.warn("Every connectivity check fails ({}: {}); other checks' failures are not counted against their"
                    + " dependencies until one answers", checkId, result.message());
        } else if (!allFail && lost) {
            regainedAt = result.startedAt();
            LOG.info("{} answers again: checks are judged again from their probes started after {}", checkId,
                    regainedAt);
        }
        lost = allFail;
    }
}
