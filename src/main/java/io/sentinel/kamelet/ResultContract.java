package io.sentinel.kamelet;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckDefaults;
import io.sentinel.config.CheckIndex;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeExchange;
import io.sentinel.probe.ProbeResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the {@code sentinel-result-sink} Kamelet runs: turns what an operator's route hands over into a
 * {@link ProbeResult} for {@code direct:results}. A ProbeResult passes as it is; otherwise the plain contract
 * ({@link ResultFields}, from headers or a map body) is read and checked. Any missing or wrong field makes the
 * result DOWN with failure class {@link FailureClass#CONTRACT} and a message naming every problem, never a
 * silent UP. A result that names no configured check cannot belong anywhere: it is refused, logged and counted
 * ({@code sentinel_route_results_refused_total}), so no phantom check appears.
 */
public final class ResultContract {

    private static final Logger LOG = LoggerFactory.getLogger(ResultContract.class);
    private static final Pattern READING_NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");
    private static final List<Outcome> ALLOWED_OUTCOMES = List.of(Outcome.UP, Outcome.DEGRADED, Outcome.DOWN, Outcome.SKIPPED);
    private static final String PREFIX = "result contract broken: ";

    private final CheckIndex checks;
    private final RefusedResults refusals;
    private final Clock clock;
    /** The last contract problem logged per check, so a broken route logs once per change, not once per probe. */
    private final Map<String, String> lastLogged = new ConcurrentHashMap<>();

    public ResultContract(CheckIndex checks, RefusedResults refusals, Clock clock) {
        this.checks = Objects.requireNonNull(checks, "checks");
        this.refusals = Objects.requireNonNull(refusals, "refusals");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @return the result to hand to {@code direct:results}, or null when it was refused (the Kamelet then stops)
     */
    public ProbeResult accept(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        String route = exchange.getFromRouteId();
        if (body instanceof ProbeResult result) {
            return known(result.checkId(), route).map(check -> {
                exchange.setProperty(ProbeExchange.CHECK, check);
                return result;
            }).orElse(null);
        }
        ContractFields fields = ContractFields.of(exchange.getMessage().getHeaders(), body);
        CheckConfig probing = exchange.getProperty(ProbeExchange.CHECK, CheckConfig.class);
        Optional<String> named = fields.value(ResultFields.CHECK_ID).map(String::valueOf).map(String::strip)
                .filter(id -> !id.isEmpty());
        CheckConfig check;
        List<String> problems = new ArrayList<>();
        if (named.isPresent()) {
            Optional<CheckConfig> found = known(named.get(), route);
            if (found.isEmpty()) {
                return null;
            }
            check = probing != null ? probing : found.get();
            if (!check.id().equals(named.get())) {
                problems.add(fields.name(ResultFields.CHECK_ID) + " '" + named.get() + "' is not the check this route"
                        + " probes ('" + check.id() + "') — leave it out, or name the same check");
            }
        } else if (probing != null) {
            check = probing;
        } else {
            refuse("no_check", "names no check: set " + fields.name(ResultFields.CHECK_ID)
                    + ", or start the route with the sentinel-check-source Kamelet", route);
            return null;
        }
        exchange.setProperty(ProbeExchange.CHECK, check);
        Duration elapsed = Duration.ofMillis(Math.max(0, exchange.getClock().elapsed()));
        ProbeResult result = convert(check, fields, elapsed, problems);
        if (result.failureClass() == FailureClass.CONTRACT) {
            logOnce(check.id(), result.message(), route);
        } else {
            lastLogged.remove(check.id());
        }
        return result;
    }

    /** The contract read into a result; the problems found so far are kept, and every other one added. */
    ProbeResult convert(CheckConfig check, ContractFields fields, Duration elapsed, List<String> problems) {
        if (!fields.present()) {
            problems.add("no result given: set header " + ResultFields.header(ResultFields.OUTCOME) + " (and the other"
                    + " Sentinel… headers), or send a ProbeResult or a map with " + ResultFields.OUTCOME);
        }
        fields.unknown().forEach(name -> problems.add("unknown field " + name + " — the contract has "
                + (fields.fromHeaders() ? ResultFields.KEYS.stream().map(ResultFields::header).collect(Collectors.joining(", "))
                        + " and " + ResultFields.READING_HEADER_PREFIX + "<name>"
                        : String.join(", ", ResultFields.KEYS))));
        Optional<Outcome> outcome = outcome(fields, problems);
        Optional<FailureClass> failure = failureClass(fields, outcome, problems);
        Duration latency = latency(fields, problems).orElse(elapsed);
        int status = httpStatus(fields, problems);
        Map<String, Double> readings = readings(fields, problems);
        String message = fields.value(ResultFields.MESSAGE).map(String::valueOf).orElse("");
        Instant startedAt = clock.instant().minus(latency);
        ProbeResult.Builder result = ProbeResult.of(check.id(), check.dependency(), startedAt).latency(latency)
                .httpStatus(status).readings(readings);
        if (!problems.isEmpty() || outcome.isEmpty()) {
            return result.down(FailureClass.CONTRACT, PREFIX + String.join("; ", problems)
                    + (message.isBlank() ? "" : " (the route said: " + message.strip() + ")"));
        }
        return result.build(outcome.get(), failure.orElse(null), message);
    }

    private static Optional<Outcome> outcome(ContractFields fields, List<String> problems) {
        String name = fields.name(ResultFields.OUTCOME);
        String allowed = ALLOWED_OUTCOMES.stream().map(Enum::name).collect(Collectors.joining(", "));
        Optional<Object> written = fields.value(ResultFields.OUTCOME);
        if (written.isEmpty() || String.valueOf(written.get()).isBlank()) {
            if (fields.present()) {
                problems.add(name + " is missing — set it to one of " + allowed);
            }
            return Optional.empty();
        }
        String text = String.valueOf(written.get()).strip().toUpperCase(Locale.ROOT);
        Optional<Outcome> outcome = ALLOWED_OUTCOMES.stream().filter(value -> value.name().equals(text)).findFirst();
        if (outcome.isEmpty()) {
            problems.add(name + " '" + written.get() + "' is not an outcome — use one of " + allowed);
        }
        return outcome;
    }

    private static Optional<FailureClass> failureClass(ContractFields fields, Optional<Outcome> outcome,
                                                       List<String> problems) {
        String name = fields.name(ResultFields.FAILURE_CLASS);
        Optional<String> written = fields.value(ResultFields.FAILURE_CLASS).map(String::valueOf).map(String::strip)
                .filter(text -> !text.isEmpty());
        String allowed = Arrays.stream(FailureClass.values()).map(Enum::name).collect(Collectors.joining(", "));
        if (outcome.isPresent() && outcome.get() != Outcome.DOWN) {
            written.ifPresent(text -> problems.add(name + " '" + text + "' is set on a " + outcome.get()
                    + " result — only a DOWN result has a failure class"));
            return Optional.empty();
        }
        if (written.isEmpty()) {
            if (outcome.isPresent()) {
                problems.add(name + " is missing — a DOWN result needs one of " + allowed);
            }
            return Optional.empty();
        }
        Optional<FailureClass> failure = Arrays.stream(FailureClass.values())
                .filter(value -> value.name().equals(written.get().toUpperCase(Locale.ROOT))).findFirst();
        if (failure.isEmpty()) {
            problems.add(name + " '" + written.get() + "' is not a failure class — use one of " + allowed);
        }
        return failure;
    }

    private static Optional<Duration> latency(ContractFields fields, List<String> problems) {
        Optional<Object> written = fields.value(ResultFields.LATENCY_MS);
        if (written.isEmpty()) {
            return Optional.empty();
        }
        Optional<Double> millis = number(written.get());
        long longest = CheckDefaults.LONGEST_TIMEOUT.toMillis();
        if (millis.isEmpty() || millis.get() < 0 || millis.get() > longest) {
            problems.add(fields.name(ResultFields.LATENCY_MS) + " '" + written.get() + "' is not a number of"
                    + " milliseconds from 0 to " + longest);
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.round(millis.get())));
    }

    private static int httpStatus(ContractFields fields, List<String> problems) {
        Optional<Object> written = fields.value(ResultFields.HTTP_STATUS);
        if (written.isEmpty()) {
            return 0;
        }
        Optional<Double> status = number(written.get());
        if (status.isEmpty() || status.get() % 1 != 0 || status.get() < 100 || status.get() > 999) {
            problems.add(fields.name(ResultFields.HTTP_STATUS) + " '" + written.get() + "' is not an HTTP status"
                    + " — a whole number from 100 to 999, or leave it out");
            return 0;
        }
        return status.get().intValue();
    }

    private static Map<String, Double> readings(ContractFields fields, List<String> problems) {
        fields.value(ResultFields.READINGS).ifPresent(notAMap -> problems.add(ResultFields.READINGS
                + " must be a map of reading names to numbers, e.g. {queue.depth: 42}"));
        Map<String, Double> readings = new LinkedHashMap<>();
        fields.readings().forEach((name, value) -> {
            Optional<Double> number = number(value).filter(Double::isFinite);
            if (!READING_NAME.matcher(name).matches()) {
                problems.add("reading " + fields.readingName(name) + ": the name must be dotted lower-case words,"
                        + " e.g. queue.depth");
            } else if (number.isEmpty()) {
                problems.add("reading " + fields.readingName(name) + " '" + value + "' is not a number");
            } else {
                readings.put(name, number.get());
            }
        });
        return readings;
    }

    /** A number, or text that is one (headers are often text: {@code "42"}, {@code " 0.5 "}). */
    private static Optional<Double> number(Object value) {
        if (value instanceof Number number) {
            return Optional.of(number.doubleValue());
        }
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(String.valueOf(value).strip()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private Optional<CheckConfig> known(String checkId, String route) {
        Optional<CheckConfig> check = checks.check(checkId);
        if (check.isEmpty()) {
            refuse("unknown_check", "names check '" + checkId + "', which is not configured: add it to checks: in the"
                    + " configuration (kind: route), or fix the route", route);
        }
        return check;
    }

    private void refuse(String reason, String why, String route) {
        refusals.refused(reason);
        LOG.warn("Refused a result from route {}: it {}", route == null ? "(unknown)" : route, why);
    }

    private void logOnce(String checkId, String message, String route) {
        if (!message.equals(lastLogged.put(checkId, message))) {
            LOG.warn("Route {} broke the result contract for check {}: {}", route == null ? "(unknown)" : route,
                    checkId, message);
        }
    }
}
