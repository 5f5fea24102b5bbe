package io.sentinel.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short expressions rules are written in, read into their parts or rejected with what would be accepted.
 * Pure functions, as {@link ValueParsers}: the caller reports a rejection at the value's line. The patterns have
 * no nested repetition and the text is cut to {@value #MAX_LENGTH} characters first, so no value can make
 * them slow.
 */
final class RuleExpressions {

    static final int MAX_LENGTH = 200;
    static final String ERROR_RATE_EXAMPLE = "\"> 5% over 30m, min 10\"";
    static final String LATENCY_EXAMPLE = "\"p95 > 5s over 15m, min 10\"";
    static final String BASELINE_EXAMPLE = "\"> 150% of 7d median\"";
    static final String LIMIT_EXAMPLE = "\"< 100\"";

    private static final Pattern ERROR_RATE =
            Pattern.compile("(?i)>\\s*([^\\s%]+)\\s*%\\s+over\\s+([^\\s,]+)(?:\\s*,\\s*min\\s+(\\S+))?");
    private static final Pattern LATENCY =
            Pattern.compile("(?i)p([^\\s>]+)\\s*>\\s*(\\S+)\\s+over\\s+([^\\s,]+)(?:\\s*,\\s*min\\s+(\\S+))?");
    private static final Pattern BASELINE =
            Pattern.compile("(?i)([<>])\\s*([^\\s%]+)\\s*%\\s+of\\s+(?:the\\s+|its\\s+)?(\\S+)\\s+median");
    private static final Pattern LIMIT = Pattern.compile("([<>])\\s*(\\S+)");
    /** {@code 7-day} as the issue tracker writes it reads as {@code 7d}. */
    private static final Pattern WORDED_SPAN = Pattern.compile("(?i)([0-9]+)-(day|hour|minute)");

    /** A share over a window: the parts of {@code errorRate} and {@code latency}. */
    record Windowed(double threshold, Duration limit, Duration window, int minimumSamples) {
    }

    /** The parts of {@code baseline}. */
    record Ratio(RuleCondition.Comparison comparison, double percent, Duration period) {
    }

    /** The parts of {@code limit}. */
    record Limit(RuleCondition.Comparison comparison, double value) {
    }

    private RuleExpressions() {
    }

    /** {@code > 5% over 30m, min 10}: the percentage, window and minimum (no latency limit). */
    static ValueParsers.Parsed<Windowed> errorRate(String key, String text) {
        Matcher match = matcher(ERROR_RATE, text);
        if (match == null) {
            return ValueParsers.Parsed.rejected("'" + key + "' must read like " + ERROR_RATE_EXAMPLE + ", got "
                    + ProblemText.quote(text), "a share of failed calls above 0% and below 100%, a window from 1m to 7d"
                    + " and, after a comma, the fewest calls that are judged (min, default " + RuleCondition.DEFAULT_MINIMUM_SAMPLES + ")");
        }
        Optional<BigDecimal> percent = ValueParsers.decimal(match.group(1));
        if (percent.isEmpty() || percent.get().signum() <= 0 || percent.get().compareTo(BigDecimal.valueOf(100)) >= 0) {
            return ValueParsers.Parsed.rejected("the percentage of '" + key + "' must be above 0 and below 100, got "
                    + ProblemText.shorten(match.group(1)), "e.g. " + key + ": " + ERROR_RATE_EXAMPLE);
        }
        return windowAndMinimum(key, match.group(2), match.group(3))
                .map(parts -> new Windowed(percent.get().doubleValue(), null, parts.window(), parts.minimumSamples()));
    }

    /** {@code p95 > 5s over 15m, min 10}: the percentile, limit, window and minimum. */
    static ValueParsers.Parsed<Windowed> latency(String key, String text) {
        Matcher match = matcher(LATENCY, text);
        if (match == null) {
            return ValueParsers.Parsed.rejected("'" + key + "' must read like " + LATENCY_EXAMPLE + ", got "
                    + ProblemText.quote(text), "a percentile from p1 to p99.9, a limit from 1ms to 10m, a window from 1m"
                    + " to 7d and, after a comma, the fewest probes that are judged (min, default "
                    + RuleCondition.DEFAULT_MINIMUM_SAMPLES + ")");
        }
        Optional<BigDecimal> percentile = ValueParsers.decimal(match.group(1));
        if (percentile.isEmpty() || percentile.get().doubleValue() < RuleCondition.LOWEST_PERCENTILE
                || percentile.get().doubleValue() > RuleCondition.HIGHEST_PERCENTILE) {
            return ValueParsers.Parsed.rejected("the percentile of '" + key + "' must be from p1 to p99.9, got p"
                    + ProblemText.shorten(match.group(1)), "e.g. p95 or p99");
        }
        ValueParsers.Parsed<Duration> limit = part(ValueParsers.duration(Duration.ofMillis(1), CheckConfig.LONGEST_LATENCY_LIMIT),
                key + " limit", match.group(2));
        if (limit.value().isEmpty()) {
            return ValueParsers.Parsed.rejected(limit.rejection().orElseThrow().message(), limit.rejection().orElseThrow().hint());
        }
        return windowAndMinimum(key, match.group(3), match.group(4))
                .map(parts -> new Windowed(percentile.get().doubleValue(), limit.value().get(), parts.window(), parts.minimumSamples()));
    }

    /** {@code > 150% of 7d median} (also {@code of the 7-day median}). */
    static ValueParsers.Parsed<Ratio> baseline(String key, String text) {
        Matcher match = matcher(BASELINE, text);
        if (match == null) {
            return ValueParsers.Parsed.rejected("'" + key + "' must read like " + BASELINE_EXAMPLE + ", got "
                    + ProblemText.quote(text), "> or <, a percentage of the reading's own median, and the span of history"
                    + " the median is taken over, from 1h to 30d");
        }
        RuleCondition.Comparison comparison = RuleCondition.Comparison.of(match.group(1)).orElseThrow();
        Optional<BigDecimal> percent = ValueParsers.decimal(match.group(2));
        boolean sensible = percent.isPresent() && (comparison == RuleCondition.Comparison.ABOVE
                ? percent.get().compareTo(BigDecimal.valueOf(100)) > 0
                        && percent.get().compareTo(BigDecimal.valueOf(RuleCondition.LARGEST_BASELINE_PERCENT)) <= 0
                : percent.get().signum() > 0 && percent.get().compareTo(BigDecimal.valueOf(100)) < 0);
        if (!sensible) {
            return ValueParsers.Parsed.rejected("the percentage of '" + key + "' must be above 100 for > and below 100 for <, got "
                    + ProblemText.shorten(match.group(2)), "e.g. " + key + ": " + BASELINE_EXAMPLE
                    + " (a rise by half) or \"< 50% of 7d median\" (a drop by half)");
        }
        String span = WORDED_SPAN.matcher(match.group(3)).replaceAll(result -> result.group(1)
                + result.group(2).substring(0, 1).toLowerCase(java.util.Locale.ROOT));
        ValueParsers.Parsed<Duration> period = part(ValueParsers.duration(RuleCondition.SHORTEST_BASELINE,
                RuleCondition.LONGEST_BASELINE), key + " span", span);
        return period.map(value -> new Ratio(comparison, percent.get().doubleValue(), value));
    }

    /** {@code < 100} or {@code > 0.5}. */
    static ValueParsers.Parsed<Limit> limit(String key, String text) {
        Matcher match = matcher(LIMIT, text);
        if (match == null) {
            return ValueParsers.Parsed.rejected("'" + key + "' must read like " + LIMIT_EXAMPLE + " or \"> 0.5\", got "
                    + ProblemText.quote(text), "> or < and a number from -10^12 to 10^12");
        }
        ValueParsers.Parsed<Double> value = part(ValueParsers.number(-RuleCondition.LARGEST_LIMIT, RuleCondition.LARGEST_LIMIT,
                "e.g. " + key + ": " + LIMIT_EXAMPLE), key + " number", match.group(2));
        return value.map(number -> new Limit(RuleCondition.Comparison.of(match.group(1)).orElseThrow(), number));
    }

    private record WindowParts(Duration window, int minimumSamples) {
    }

    private static ValueParsers.Parsed<WindowParts> windowAndMinimum(String key, String windowText, String minimumText) {
        ValueParsers.Parsed<Duration> window = part(ValueParsers.duration(RuleCondition.SHORTEST_WINDOW, RuleCondition.LONGEST_WINDOW),
                key + " window", windowText);
        if (window.value().isEmpty()) {
            return ValueParsers.Parsed.rejected(window.rejection().orElseThrow().message(), window.rejection().orElseThrow().hint());
        }
        if (minimumText == null) {
            return ValueParsers.Parsed.of(new WindowParts(window.value().get(), RuleCondition.DEFAULT_MINIMUM_SAMPLES));
        }
        return part(ValueParsers.count(RuleCondition.MAX_MINIMUM_SAMPLES, RuleCondition.DEFAULT_MINIMUM_SAMPLES),
                key + " min", minimumText).map(minimum -> new WindowParts(window.value().get(), minimum));
    }

    /** One part through a value parser, named by its label: {@code 'errorRate window' is 8d, above the maximum}. */
    private static <T> ValueParsers.Parsed<T> part(ValueParsers.ValueParser<T> parser, String label, String text) {
        return parser.parse(new ValueParsers.Input(label, text, text));
    }

    private static Matcher matcher(Pattern pattern, String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return null;
        }
        Matcher matcher = pattern.matcher(text.strip());
        return matcher.matches() ? matcher : null;
    }
}
