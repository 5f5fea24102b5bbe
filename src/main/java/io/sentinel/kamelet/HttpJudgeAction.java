package io.sentinel.kamelet;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckIndex;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.LatencyLimit;
import io.sentinel.probe.ProbeExchange;
import io.sentinel.probe.ProbeResult;
import io.sentinel.probe.condition.Condition;
import io.sentinel.probe.http.ResponseJudge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;

/**
 * What the {@code sentinel-http-judge-action} Kamelet runs: judges the HTTP answer an operator's route received
 * into a {@link ProbeResult}, exactly as an {@code http} check's answer is judged ({@link ResponseJudge}: status,
 * Gatus-style conditions, block pages, bodies reporting their own failure; then the latency limit). A call that
 * failed without an answer is classified as the probes' own calls are (TIMEOUT, DNS, CONNECT, TLS …).
 *
 * <p>The latency is the probe's: from the moment the exchange was made (the source's tick) to now, so a check made
 * of two calls is judged on both.
 */
public final class HttpJudgeAction {

    /** Exchange properties the Kamelet fills from its parameters. */
    public static final String CONDITIONS = "sentinel.judge.conditions";
    public static final String LATENCY_LIMIT = "sentinel.judge.latencyLimit";
    public static final String STEP = "sentinel.judge.step";
    public static final String CHECK_ID = "sentinel.judge.check";

    /** Routes are few and their parameters fixed: each distinct text is parsed once. */
    private static final int MAX_CACHED_SETTINGS = 1_000;

    private final CheckIndex checks;
    private final Clock clock;
    private final Map<List<String>, Object> settings = new ConcurrentHashMap<>();

    public HttpJudgeAction(CheckIndex checks, Clock clock) {
        this.checks = Objects.requireNonNull(checks, "checks");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The Kamelet's step: the result becomes the body, and the check rides on the exchange for the sink. */
    public ProbeResult judge(Exchange exchange) {
        CheckConfig check = checkOf(exchange);
        exchange.setProperty(ProbeExchange.CHECK, check);
        Duration latency = Duration.ofMillis(Math.max(0, exchange.getClock().elapsed()));
        Instant startedAt = clock.instant().minus(latency);
        ProbeResult.Builder result = ProbeResult.of(check.id(), check.dependency(), startedAt).latency(latency);
        try {
            JudgeSettings judging = settings(exchange);
            return labelled(judge(result, HttpAnswer.of(exchange, latency), judging, check), judging.step());
        } catch (RouteContractException broken) {
            return result.down(FailureClass.CONTRACT, broken.getMessage());
        }
    }

    static ProbeResult judge(ProbeResult.Builder result, HttpAnswer answer, JudgeSettings judging, CheckConfig check) {
        if (answer instanceof HttpAnswer.Failed failed) {
            return result.down(failed.failure().failureClass(), failed.failure().getMessage());
        }
        HttpAnswer.Response response = (HttpAnswer.Response) answer;
        List<Condition> conditions = judging.conditions();
        return LatencyLimit.apply(ResponseJudge.judge(result, response.snapshot(), conditions), judging.latencyLimitFor(check));
    }

    private static ProbeResult labelled(ProbeResult result, String step) {
        return step.isEmpty() ? result : result.withMessage(step + ": " + result.message());
    }

    /**
     * The check named by the Kamelet's {@code check} parameter, else the one the source put on the exchange. A
     * route that names neither, or a check that is not configured, is a route bug with no check to report it on:
     * it fails loudly here.
     */
    private CheckConfig checkOf(Exchange exchange) {
        String named = exchange.getProperty(CHECK_ID, String.class);
        if (named != null && !named.isBlank()) {
            return checks.check(named.strip()).orElseThrow(() -> new IllegalArgumentException(
                    "sentinel-http-judge-action names check '" + named.strip() + "', which is not configured: add it to"
                            + " checks: in the configuration (kind: route)"));
        }
        CheckConfig check = exchange.getProperty(ProbeExchange.CHECK, CheckConfig.class);
        if (check == null) {
            throw new IllegalArgumentException("sentinel-http-judge-action does not know which check it judges: start"
                    + " the route with the sentinel-check-source Kamelet, or give the judge a check parameter");
        }
        return check;
    }

    private JudgeSettings settings(Exchange exchange) throws RouteContractException {
        List<String> key = List.of(text(exchange, CONDITIONS), text(exchange, LATENCY_LIMIT), text(exchange, STEP));
        Object known = settings.get(key);
        if (known == null) {
            try {
                known = JudgeSettings.read(key.get(0), key.get(1), key.get(2));
            } catch (RouteContractException broken) {
                known = broken;
            }
            if (settings.size() < MAX_CACHED_SETTINGS) {
                settings.put(key, known);
            }
        }
        if (known instanceof RouteContractException broken) {
            throw broken;
        }
        return (JudgeSettings) known;
    }

    private static String text(Exchange exchange, String property) {
        String value = exchange.getProperty(property, String.class);
        return value == null ? "" : value;
    }
}
