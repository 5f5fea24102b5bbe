package io.sentinel.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code rules:} of a check or a dependency. Every rule is one item with one kind, written as a short
 * expression, and the settings every kind shares:
 * <pre>
 * rules:
 *   - {errorRate: "> 5% over 30m, min 10", severity: high, for: 5m, keepFiringFor: 10m}
 *   - {errorRate: "> 1% over 15m, min 20", requests: function.*.invocations, errors: function.*.server_errors}
 *   - {latency: "p95 > 5s over 15m"}
 *   - {reading: discovery.cost_per_lead, baseline: "> 150% of 7d median"}
 *   - {reading: searches.remaining, limit: "< 100"}
 *   - {reading: credits.remaining, exhaustsWithin: 7d, resetReading: reset.days}
 * </pre>
 */
final class RuleReader {

    static final String ERROR_RATE = "errorRate";
    static final String LATENCY = "latency";
    static final String BASELINE = "baseline";
    static final String LIMIT = "limit";
    static final String EXHAUSTS_WITHIN = "exhaustsWithin";
    static final List<String> KINDS = List.of(ERROR_RATE, LATENCY, BASELINE, LIMIT, EXHAUSTS_WITHIN);
    private static final List<String> READING_KINDS = List.of(BASELINE, LIMIT, EXHAUSTS_WITHIN);

    private RuleReader() {
    }

    /** The rules of {@code owner}; a rule written twice is reported at its second place. */
    static List<RuleConfig> read(ConfigSection owner) {
        Map<String, RuleConfig> rules = new LinkedHashMap<>();
        for (ConfigSection item : owner.sections("rules")) {
            Optional<RuleConfig> rule = readOne(item);
            item.finish();
            rule.ifPresent(valid -> {
                if (rules.putIfAbsent(valid.id(), valid) != null) {
                    item.problem("the rule '" + valid.condition().describe() + "' is listed twice",
                            "keep one of them (for a different severity or hold time, change the expression)");
                }
            });
        }
        return List.copyOf(rules.values());
    }

    /** A dependency's rules first, then the check's own; the check's own wins where both have the same rule. */
    static List<RuleConfig> merge(List<RuleConfig> inherited, List<RuleConfig> own) {
        Map<String, RuleConfig> merged = new LinkedHashMap<>();
        inherited.forEach(rule -> merged.put(rule.id(), rule));
        own.forEach(rule -> merged.put(rule.id(), rule));
        return List.copyOf(merged.values());
    }

    private static Optional<RuleConfig> readOne(ConfigSection rule) {
        List<String> kinds = KINDS.stream().filter(rule::has).toList();
        Optional<Severity> severity = rule.choice("severity", Severity.class);
        Duration holdFor = rule.duration("for", Duration.ZERO, RuleConfig.LONGEST_HOLD, Duration.ZERO);
        Duration keepFiringFor = rule.duration("keepFiringFor", Duration.ZERO, RuleConfig.LONGEST_HOLD, Duration.ZERO);
        Optional<ReadingPattern> reading = pattern(rule, "reading");
        Optional<ReadingPattern> requests = pattern(rule, "requests");
        Optional<ReadingPattern> errors = pattern(rule, "errors");
        Optional<String> resetReading = rule.text("resetReading").map(String::strip);
        if (kinds.isEmpty()) {
            rule.problem("a rule needs one of " + String.join(", ", KINDS),
                    "e.g. - {errorRate: " + RuleExpressions.ERROR_RATE_EXAMPLE + ", severity: high}");
            return Optional.empty();
        }
        if (kinds.size() > 1) {
            rule.problem(kinds.get(1), "a rule has one kind, this one has " + String.join(" and ", kinds),
                    "write each as its own item under rules:");
            return Optional.empty();
        }
        String kind = kinds.get(0);
        boolean usable = applicable(rule, kind, reading, requests, errors, resetReading);
        Optional<RuleCondition> condition = switch (kind) {
            case ERROR_RATE -> errorRate(rule, requests, errors);
            case LATENCY -> latency(rule);
            case BASELINE -> parsed(rule, BASELINE, RuleExpressions::baseline).flatMap(ratio -> reading.map(name ->
                    new RuleCondition.Baseline(name, ratio.comparison(), ratio.percent(), ratio.period())));
            case LIMIT -> parsed(rule, LIMIT, RuleExpressions::limit).flatMap(limit -> reading.map(name ->
                    new RuleCondition.ReadingLimit(name, limit.comparison(), limit.value())));
            default -> exhaustion(rule, reading, resetReading);
        };
        return condition.filter(valid -> usable).map(valid -> new RuleConfig(valid, severity, holdFor, keepFiringFor));
    }

    /** Reports the keys that do not go with the rule's kind, and a reading kind without its reading. */
    private static boolean applicable(ConfigSection rule, String kind, Optional<ReadingPattern> reading,
                                      Optional<ReadingPattern> requests, Optional<ReadingPattern> errors,
                                      Optional<String> resetReading) {
        boolean usable = true;
        boolean readsReading = READING_KINDS.contains(kind);
        if (readsReading && !rule.has("reading")) {
            rule.problem(kind, "'" + kind + "' needs the reading it judges", "add reading: <name>, e.g. reading: credits.remaining");
            usable = false;
        }
        if (!readsReading && rule.has("reading")) {
            rule.problem("reading", "'reading' does not go with '" + kind + "', which judges the check's probes",
                    kind.equals(ERROR_RATE) ? "to judge real traffic name requests: and errors: instead"
                            : "remove it; a reading is judged by limit:, baseline: or exhaustsWithin:");
            usable = false;
        }
        for (String key : List.of("requests", "errors")) {
            if (!kind.equals(ERROR_RATE) && rule.has(key)) {
                rule.problem(key, "'" + key + "' goes with errorRate only", "remove it");
                usable = false;
            }
        }
        if (!kind.equals(EXHAUSTS_WITHIN) && resetReading.isPresent()) {
            rule.problem("resetReading", "'resetReading' goes with exhaustsWithin only", "remove it");
            usable = false;
        }
        return usable && (rule.has("reading") == reading.isPresent()) && (rule.has("requests") == requests.isPresent())
                && (rule.has("errors") == errors.isPresent());
    }

    private static Optional<RuleCondition> errorRate(ConfigSection rule, Optional<ReadingPattern> requests,
                                                     Optional<ReadingPattern> errors) {
        Optional<RuleCondition.Traffic> traffic = Optional.empty();
        if (rule.has("requests") != rule.has("errors")) {
            String missing = rule.has("requests") ? "errors" : "requests";
            rule.problem(ERROR_RATE, "an error rate of real traffic needs both requests: and errors:, " + missing + ": is missing",
                    "e.g. requests: function.*.invocations, errors: function.*.server_errors");
            return Optional.empty();
        }
        if (requests.isPresent() && errors.isPresent()) {
            if (requests.get().hasWildcard() != errors.get().hasWildcard()) {
                rule.problem("errors", "requests: and errors: need a * both or neither, got " + requests.get() + " and " + errors.get(),
                        "e.g. requests: function.*.invocations, errors: function.*.server_errors");
                return Optional.empty();
            }
            traffic = Optional.of(new RuleCondition.Traffic(requests.get(), errors.get()));
        }
        Optional<RuleCondition.Traffic> counted = traffic;
        return parsed(rule, ERROR_RATE, RuleExpressions::errorRate).map(parts ->
                new RuleCondition.ErrorRate(parts.threshold(), parts.window(), parts.minimumSamples(), counted));
    }

    private static Optional<RuleCondition> latency(ConfigSection rule) {
        return parsed(rule, LATENCY, RuleExpressions::latency).map(parts ->
                new RuleCondition.Latency(parts.threshold(), parts.limit(), parts.window(), parts.minimumSamples()));
    }

    private static Optional<RuleCondition> exhaustion(ConfigSection rule, Optional<ReadingPattern> reading,
                                                      Optional<String> resetReading) {
        Optional<Duration> within = rule.duration(EXHAUSTS_WITHIN, RuleCondition.SHORTEST_EXHAUSTION, RuleCondition.LONGEST_EXHAUSTION);
        Optional<String> reset = resetReading.filter(name -> {
            boolean valid = ReadingPattern.isValid(name) && !name.contains(ReadingPattern.WILDCARD);
            if (!valid) {
                rule.problem("resetReading", ProblemText.quote(rule.written("resetReading").orElse(name)) + " is not a reading name",
                        "readings are dotted lower-case words, e.g. reset.days");
            }
            return valid;
        });
        if (reset.isEmpty() && resetReading.isPresent()) {
            return Optional.empty();
        }
        return reading.flatMap(name -> within.map(horizon -> new RuleCondition.Exhaustion(name, horizon, reset)));
    }

    private static Optional<ReadingPattern> pattern(ConfigSection rule, String key) {
        return rule.text(key).map(String::strip).filter(name -> {
            if (!ReadingPattern.isValid(name)) {
                rule.problem(key, ProblemText.quote(rule.written(key).orElse(name)) + " is not a reading name",
                        "use " + ReadingPattern.RULE);
                return false;
            }
            return true;
        }).map(ReadingPattern::new);
    }

    private interface ExpressionParser<T> {
        ValueParsers.Parsed<T> parse(String key, String text);
    }

    /**
     * The expression at {@code key}, parsed; a rejection is reported at its line. An expression taken from the
     * environment is quoted as the file writes it, never as its value.
     */
    private static <T> Optional<T> parsed(ConfigSection rule, String key, ExpressionParser<T> parser) {
        Optional<String> text = rule.text(key).map(String::strip);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String written = rule.written(key).orElse(text.get()).strip();
        ValueParsers.Parsed<T> result = parser.parse(key, text.get());
        result.rejection().ifPresent(rejection -> rule.problem(key, text.get().equals(written) ? rejection.message()
                : "'" + key + "' " + ProblemText.quote(written) + " is not a valid expression", rejection.hint()));
        return result.value();
    }
}
