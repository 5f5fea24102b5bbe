package io.sentinel.config;

import static io.sentinel.config.ConfigTexts.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code rules:} of checks and dependencies as an operator writes them, and every way to get one wrong. */
class RuleConfigTest {

    private static final String HEADER = ConfigTexts.MINIMAL;

    private static String withRule(String rule) {
        return HEADER + "    rules:\n      - " + rule + "\n";
    }

    private static CheckConfig home(String yaml) throws InvalidConfigException {
        return ConfigTexts.load(yaml, Map.of()).check("home").orElseThrow();
    }

    @Test
    void everyKindIsReadFromItsExpression() throws InvalidConfigException {
        CheckConfig check = home(HEADER + """
                    rules:
                      - {errorRate: "> 5% over 30m, min 10", severity: high, for: 5m, keepFiringFor: 10m}
                      - {errorRate: "> 1% over 15m, min 20", requests: function.*.invocations, errors: function.*.server_errors}
                      - {latency: "p95 > 5s over 15m"}
                      - {reading: discovery.cost_per_lead, baseline: "> 150% of the 7-day median"}
                      - {reading: searches.remaining, limit: "< 100", severity: medium}
                      - {reading: credits.remaining, exhaustsWithin: 7d, resetReading: reset.days}
                """);

        assertThat(check.rules()).extracting(RuleConfig::condition).containsExactly(
                new RuleCondition.ErrorRate(5, Duration.ofMinutes(30), 10, Optional.empty()),
                new RuleCondition.ErrorRate(1, Duration.ofMinutes(15), 20, Optional.of(new RuleCondition.Traffic(
                        new ReadingPattern("function.*.invocations"), new ReadingPattern("function.*.server_errors")))),
                new RuleCondition.Latency(95, Duration.ofSeconds(5), Duration.ofMinutes(15), RuleCondition.DEFAULT_MINIMUM_SAMPLES),
                new RuleCondition.Baseline(new ReadingPattern("discovery.cost_per_lead"), RuleCondition.Comparison.ABOVE, 150,
                        Duration.ofDays(7)),
                new RuleCondition.ReadingLimit(new ReadingPattern("searches.remaining"), RuleCondition.Comparison.BELOW, 100),
                new RuleCondition.Exhaustion(new ReadingPattern("credits.remaining"), Duration.ofDays(7), Optional.of("reset.days")));
        RuleConfig first = check.rules().get(0);
        assertThat(first.severity()).contains(Severity.HIGH);
        assertThat(first.holdFor()).isEqualTo(Duration.ofMinutes(5));
        assertThat(first.keepFiringFor()).isEqualTo(Duration.ofMinutes(10));
        assertThat(check.rules().get(2).severityFor(check)).as("the check's own severity").isEqualTo(check.severity());
        assertThat(check.rules()).extracting(RuleConfig::id).containsExactly(
                "error-rate-above-5pct-over-30m-min-10",
                "error-rate-of-function.any.server-errors-per-function.any.invocations-above-1pct-over-15m-min-20",
                "p95-above-5s-over-15m-min-10",
                "discovery.cost-per-lead-above-150pct-of-its-7d-median",
                "searches.remaining-below-100",
                "credits.remaining-runs-out-within-7d");
    }

    @Test
    void aDependencysRulesAreEveryOneOfItsChecksRulesAndTheChecksOwnWin() throws InvalidConfigException {
        SentinelConfig config = ConfigTexts.load("""
                dependencies:
                  - id: api
                    rules:
                      - {errorRate: "> 5% over 6h, min 10", severity: high}
                      - {latency: "p95 > 5s over 15m"}
                checks:
                  - {id: one, dependency: api, kind: http, url: "https://api.example.com/a"}
                  - id: two
                    dependency: api
                    kind: http
                    url: https://api.example.com/b
                    rules:
                      - {errorRate: "> 5% over 6h, min 10", severity: critical}
                      - {reading: rows, limit: "< 1"}
                """, Map.of());

        assertThat(config.check("one").orElseThrow().rules()).extracting(RuleConfig::id)
                .containsExactly("error-rate-above-5pct-over-6h-min-10", "p95-above-5s-over-15m-min-10");
        List<RuleConfig> two = config.check("two").orElseThrow().rules();
        assertThat(two).extracting(RuleConfig::id)
                .containsExactly("error-rate-above-5pct-over-6h-min-10", "p95-above-5s-over-15m-min-10", "rows-below-1");
        assertThat(two.get(0).severity()).contains(Severity.CRITICAL);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {severity: high}                                         | 9:9: a rule needs one of errorRate, latency, baseline, limit, exhaustsWithin — e.g. - {errorRate: "> 5% over 30m, min 10", severity: high}
            {errorRate: "> 5% over 30m", latency: "p95 > 1s over 5m"} | 9:47: a rule has one kind, this one has errorRate and latency — write each as its own item under rules:
            {errorRate: "5% over 30m"}                               | 9:21: 'errorRate' must read like "> 5% over 30m, min 10", got '5% over 30m' — a share of failed calls above 0% and below 100%, a window from 1m to 7d and, after a comma, the fewest calls that are judged (min, default 10)
            {errorRate: "> 0% over 30m"}                             | 9:21: the percentage of 'errorRate' must be above 0 and below 100, got 0 — e.g. errorRate: "> 5% over 30m, min 10"
            {errorRate: "> 100% over 30m"}                           | 9:21: the percentage of 'errorRate' must be above 0 and below 100, got 100 — e.g. errorRate: "> 5% over 30m, min 10"
            {errorRate: "> 5% over 30s"}                             | 9:21: 'errorRate window' is 30s, below the minimum — use at least 1m
            {errorRate: "> 5% over 30m, min 0"}                      | 9:21: 'errorRate min' must be greater than zero, got 0 — use a whole number from 1 to 100000
            {errorRate: "> 5% over soon"}                            | 9:21: 'errorRate window' is not a duration: 'soon' — write a duration like 500ms, 30s, 5m, 1h or 1h30m, from 1m to 7d
            {latency: "p100 > 5s over 15m"}                          | 9:19: the percentile of 'latency' must be from p1 to p99.9, got p100 — e.g. p95 or p99
            {latency: "p95 > 11m over 15m"}                          | 9:19: 'latency limit' is 11m, above the maximum — use at most 10m
            {latency: "p95 over 15m"}                                | 9:19: 'latency' must read like "p95 > 5s over 15m, min 10", got 'p95 over 15m' — a percentile from p1 to p99.9, a limit from 1ms to 10m, a window from 1m to 7d and, after a comma, the fewest probes that are judged (min, default 10)
            {reading: cost, baseline: "> 50% of 7d median"}          | 9:35: the percentage of 'baseline' must be above 100 for > and below 100 for <, got 50 — e.g. baseline: "> 150% of 7d median" (a rise by half) or "< 50% of 7d median" (a drop by half)
            {reading: cost, baseline: "> 150% of 31d median"}        | 9:35: 'baseline span' is 31d, above the maximum — use at most 30d
            {reading: cost, baseline: "> 150%"}                      | 9:35: 'baseline' must read like "> 150% of 7d median", got '> 150%' — > or <, a percentage of the reading's own median, and the span of history the median is taken over, from 1h to 30d
            {reading: rows, limit: "100"}                            | 9:32: 'limit' must read like "< 100" or "> 0.5", got '100' — > or < and a number from -10^12 to 10^12
            {reading: rows, limit: "< lots"}                         | 9:32: 'limit number' must be a number, got 'lots' — e.g. limit: "< 100"
            {limit: "< 100"}                                         | 9:17: 'limit' needs the reading it judges — add reading: <name>, e.g. reading: credits.remaining
            {reading: Rows, limit: "< 100"}                          | 9:19: 'Rows' is not a reading name — use dotted lower-case words, e.g. credits.remaining; one word may be * (function.*.invocations)
            {reading: "a.*.*", limit: "< 100"}                       | 9:19: 'a.*.*' is not a reading name — use dotted lower-case words, e.g. credits.remaining; one word may be * (function.*.invocations)
            {reading: rows, errorRate: "> 5% over 30m"}              | 9:19: 'reading' does not go with 'errorRate', which judges the check's probes — to judge real traffic name requests: and errors: instead
            {errorRate: "> 5% over 30m", requests: fn.*.calls}       | 9:21: an error rate of real traffic needs both requests: and errors:, errors: is missing — e.g. requests: function.*.invocations, errors: function.*.server_errors
            {errorRate: "> 5% over 30m", requests: fn.*.calls, errors: fn.errors} | 9:68: requests: and errors: need a * both or neither, got fn.*.calls and fn.errors — e.g. requests: function.*.invocations, errors: function.*.server_errors
            {reading: rows, limit: "< 1", resetReading: reset.days}  | 9:53: 'resetReading' goes with exhaustsWithin only — remove it
            {latency: "p95 > 1s over 5m", requests: fn.*.calls}      | 9:49: 'requests' goes with errorRate only — remove it
            {errorRate: "> 5% over 30m", for: 8d}                    | 9:43: 'for' is 8d, above the maximum — use at most 7d
            {errorRate: "> 5% over 30m", keepFiringFor: -1m}         | 9:53: 'keepFiringFor' is not a duration: '-1m' — write a duration like 500ms, 30s, 5m, 1h or 1h30m, from 0s to 7d
            {errorRate: "> 5% over 30m", severity: urgent}           | 9:48: 'severity' cannot be 'urgent' — use one of critical, high, medium
            {errorRate: "> 5% over 30m", forr: 5m}                   | 9:38: unknown key 'forr' in checks[0].rules[0] — did you mean 'for'?
            """)
    void aWrongRuleIsOneProblemAtItsPositionSayingWhatIsAllowed(String rule, String expected) {
        assertThat(problems(withRule(rule))).containsExactly("sentinel.yaml:" + expected);
    }

    @Test
    void theSameRuleTwiceIsReported() {
        assertThat(problems(HEADER + """
                    rules:
                      - {errorRate: "> 5% over 30m"}
                      - {errorRate: ">5%   over 30m, min 10", severity: critical}
                """)).containsExactly("sentinel.yaml:10:9: the rule 'error rate above 5% over 30m, min 10' is listed twice"
                + " — keep one of them (for a different severity or hold time, change the expression)");
    }

    @Test
    void theOldReadingAlertsSayWhereTheyWent() {
        assertThat(problems(HEADER + """
                    readingAlerts:
                      - {reading: credits.remaining, below: 100}
                """)).containsExactly("sentinel.yaml:9:7: 'readingAlerts' is now part of 'rules' — write rules: [{reading:"
                + " credits.remaining, limit: \"< 100\"}] or [{reading: credits.remaining, exhaustsWithin: 7d}] (docs/rules.md)");
    }

    @Test
    void flappingThresholdsHaveTheirRanges() throws InvalidConfigException {
        assertThat(home(HEADER).flapping()).isEqualTo(FlappingSettings.DEFAULT);
        assertThat(home(HEADER + "    flapping: {changes: 8, within: 2h}\n").flapping())
                .isEqualTo(new FlappingSettings(8, Duration.ofHours(2)));
        assertThat(problems(HEADER + "    flapping: {changes: 1, within: 2d}\n")).containsExactly(
                "sentinel.yaml:8:25: 'changes' must be between 2 and 100, got 1 — pick a value in that range",
                "sentinel.yaml:8:36: 'within' is 2d, above the maximum — use at most 1d");
    }

    @Test
    void aRateLimitedKindCountsAnIntervalInheritedFromDefaults() {
        assertThat(problems("""
                defaults: {interval: 30s}
                dependencies:
                  - id: supabase
                checks:
                  - id: platform
                    dependency: supabase
                    kind: supabase-management
                    projectRef: abcdefghijklmnopqrst
                """)).containsExactly("sentinel.yaml:7:11: supabase-management runs at most once a minute, and this check"
                + " inherits interval 30s from defaults: the Management API allows about 60 requests a minute per user, shared"
                + " by all of the user's tokens — set interval: 1m or more on the check");
    }
}
