package io.sentinel.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckOptions;
import io.sentinel.config.ReadingPattern;
import io.sentinel.config.RuleCondition;
import io.sentinel.config.RuleConfig;
import io.sentinel.config.Severity;
import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.ProbeResult;
import io.sentinel.results.ResultHistory;
import io.sentinel.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every rule kind judged on results stamped by a clock the test moves: each fires on exactly the result that
 * makes its condition true (and held long enough), resolves on exactly the one that ends it, and stays quiet
 * without enough samples or history. Nothing sleeps.
 */
class AlertRulesTest {

    private static final Duration EVERY_30S = Duration.ofSeconds(30);

    private final MutableClock clock = MutableClock.at("2026-11-26T00:00:00Z");
    private final StoredResults stored = new StoredResults();
    private AlertRules rules = new AlertRules(stored, clock);
    private CheckConfig check;

    // --- errorRate over probes ------------------------------------------------------------------------------

    @Test
    void anErrorRateFiresOnTheResultThatTakesTheFailedShareAboveTheLimitOnceTheMinimumIsReached() {
        check(RuleConfig.of(new RuleCondition.ErrorRate(10, Duration.ofMinutes(10), 10, Optional.empty())));

        assertThat(feed(down())).as("1 of 1 failed, but fewer than 10 probes").isEmpty();
        for (int i = 0; i < 8; i++) {
            assertThat(feed(up())).isEmpty();
        }
        assertThat(feed(up())).as("1 of 10 is 10%, not above 10%").isEmpty();
        List<AlertEvent> fired = feed(down());

        assertThat(fired).singleElement().satisfies(event -> {
            assertThat(event.status()).isEqualTo(AlertStatus.FIRING);
            assertThat(event.reason()).isEqualTo("2 of 11 probes failed over 10m (18.2%), above 10%");
            assertThat(event.severity()).isEqualTo(Severity.HIGH);
            assertThat(event.incidentId()).isEqualTo("rule:api-health:error-rate-above-10pct-over-10m-min-10@20261126T000500.000Z");
        });
        assertThat(feed(down())).as("fires once").isEmpty();
    }

    @Test
    void anErrorRateResolvesWhenTheFailuresLeaveTheWindow() {
        check(RuleConfig.of(new RuleCondition.ErrorRate(10, Duration.ofMinutes(10), 10, Optional.empty())));
        for (int i = 0; i < 10; i++) {
            feed(up());
        }
        feed(down());
        assertThat(feed(down())).singleElement().extracting(AlertEvent::status).isEqualTo(AlertStatus.FIRING);

        List<AlertEvent> all = new ArrayList<>();
        for (int i = 0; i < 20 && all.isEmpty(); i++) {
            all.addAll(feed(up()));
        }

        assertThat(all).singleElement().satisfies(event -> {
            assertThat(event.status()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(event.reason()).startsWith("no longer: ").endsWith("not above 10%");
        });
    }

    @Test
    void manyFailuresBelowTheMinimumNumberOfProbesStayQuiet() {
        check(RuleConfig.of(new RuleCondition.ErrorRate(5, Duration.ofMinutes(30), 10, Optional.empty())));

        for (int i = 0; i < 9; i++) {
            assertThat(feed(down())).isEmpty();
        }
        assertThat(feed(down())).as("the tenth probe reaches the minimum").hasSize(1);
    }

    @Test
    void skippedAndShortCircuitedResultsAreNoCallsAndJudgeNothing() {
        check(RuleConfig.of(new RuleCondition.ErrorRate(5, Duration.ofMinutes(30), 3, Optional.empty())));

        feed(down());
        feed(ProbeResult.of("api-health", "api", clock.instant()).skipped("set API_KEY"));
        feed(ProbeResult.of("api-health", "api", clock.instant()).shortCircuited("breaker open"));
        assertThat(feed(down())).isEmpty();
        assertThat(feed(down())).as("the third call").hasSize(1);
    }

    // --- for and keepFiringFor ------------------------------------------------------------------------------

    @Test
    void aRuleWithForFiresOnlyOnceTheConditionHeldThatLongWithoutABreak() {
        check(new RuleConfig(new RuleCondition.ErrorRate(50, Duration.ofMinutes(5), 1, Optional.empty()), Optional.empty(),
                Duration.ofMinutes(2), Duration.ZERO));

        assertThat(feed(down())).as("holds from 00:00:00, pending").isEmpty();
        assertThat(feed(down())).isEmpty();
        assertThat(feed(down())).isEmpty();
        assertThat(feed(down())).as("00:01:30").isEmpty();
        List<AlertEvent> fired = feed(down());

        assertThat(fired).as("00:02:00, two minutes after it began to hold").singleElement().satisfies(event -> {
            assertThat(event.since()).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
            assertThat(event.reason()).endsWith("(for 2m)");
        });
    }

    @Test
    void aBreakInTheConditionStartsTheForAgain() {
        check(new RuleConfig(new RuleCondition.ErrorRate(50, Duration.ofMinutes(1), 1, Optional.empty()), Optional.empty(),
                Duration.ofMinutes(2), Duration.ZERO));
        List<AlertEvent> events = new ArrayList<>();

        events.addAll(feed(down()));   // 00:00:00 holds: pending
        events.addAll(feed(down()));   // 00:00:30
        events.addAll(feed(up()));     // 00:01:00 1 of 2 in the last minute, 50% is not above: the pending ends
        events.addAll(feed(up()));     // 00:01:30
        events.addAll(feed(up()));     // 00:02:00 where it would have fired without the break
        events.addAll(feed(down()));   // 00:02:30 1 of 2
        events.addAll(feed(down()));   // 00:03:00 2 of 2: holds again, pending from here
        events.addAll(feed(down()));   // 00:03:30
        events.addAll(feed(down()));   // 00:04:00
        events.addAll(feed(down()));   // 00:04:30
        assertThat(events).isEmpty();

        assertThat(feed(down())).as("00:05:00, two minutes after 00:03:00").singleElement()
                .extracting(AlertEvent::since).isEqualTo(Instant.parse("2026-11-26T00:03:00Z"));
    }

    @Test
    void keepFiringForHoldsAFiringRuleThroughShortBreaks() {
        check(new RuleConfig(new RuleCondition.ReadingLimit(new ReadingPattern("queue.depth"), RuleCondition.Comparison.ABOVE, 100),
                Optional.empty(), Duration.ZERO, Duration.ofMinutes(2)));

        assertThat(feed(reading("queue.depth", 150))).hasSize(1);
        assertThat(feed(reading("queue.depth", 50))).as("00:00:30 clear, keeps firing").isEmpty();
        assertThat(feed(reading("queue.depth", 50))).isEmpty();
        assertThat(feed(reading("queue.depth", 150))).as("holds again: the break ends, no second FIRING").isEmpty();
        assertThat(feed(reading("queue.depth", 50))).as("clear since 00:02:00").isEmpty();
        assertThat(feed(reading("queue.depth", 50))).isEmpty();
        assertThat(feed(reading("queue.depth", 50))).isEmpty();
        assertThat(feed(reading("queue.depth", 50))).as("00:03:30").isEmpty();
        assertThat(feed(reading("queue.depth", 50))).as("00:04:00, clear for 2m").singleElement()
                .extracting(AlertEvent::status).isEqualTo(AlertStatus.RESOLVED);
    }

    // --- latency ---------------------------------------------------------------------------------------------

    @Test
    void aLatencyPercentileFiresWhenMoreProbesAreSlowThanThePercentileAllows() {
        check(RuleConfig.of(new RuleCondition.Latency(95, Duration.ofSeconds(1), Duration.ofMinutes(15), 20)));

        for (int i = 0; i < 18; i++) {
            assertThat(feed(up(Duration.ofMillis(200)))).isEmpty();
        }
        assertThat(feed(up(Duration.ofSeconds(3)))).as("19 probes, fewer than 20").isEmpty();
        assertThat(feed(up(Duration.ofMillis(200)))).as("1 slow of 20: p95 is the 19th fastest, 200ms").isEmpty();
        List<AlertEvent> fired = feed(down(Duration.ofSeconds(10)));

        assertThat(fired).as("2 slow of 21: p95 is the 20th, a slow one; a timeout counts as slow").singleElement()
                .extracting(AlertEvent::reason).isEqualTo("2 of 21 probes took longer than 1s over 15m, so p95 is above 1s");
    }

    // --- errorRate over real traffic ---------------------------------------------------------------------------

    @Test
    void theErrorRateOfRealTrafficIsJudgedPerSeriesWithItsOwnIncident() {
        check(RuleConfig.of(new RuleCondition.ErrorRate(1, Duration.ofMinutes(15), 20, Optional.of(new RuleCondition.Traffic(
                new ReadingPattern("function.*.invocations"), new ReadingPattern("function.*.server_errors"))))));

        assertThat(feed(traffic(Map.of("enrichment_orchestrator", new long[] {15, 1}, "campaign_export", new long[] {300, 1}))))
                .as("15 calls of enrichment are fewer than 20").isEmpty();
        List<AlertEvent> fired = feed(traffic(Map.of("enrichment_orchestrator", new long[] {10, 0}, "campaign_export", new long[] {300, 2})));

        assertThat(fired).singleElement().satisfies(event -> {
            assertThat(event.reason()).isEqualTo("enrichment_orchestrator: 1 of 25 requests failed over 15m (4.0%), above 1%");
            assertThat(event.incidentId()).isEqualTo("rule:api-health:error-rate-of-function.any.server-errors-per-function.any"
                    + ".invocations-above-1pct-over-15m-min-20:enrichment-orchestrator@20261126T000030.000Z");
        });
    }

    // --- baseline ----------------------------------------------------------------------------------------------

    @Test
    void aBaselineStaysQuietUntilItsHistoryReachesBackHalfThePeriod() {
        check(RuleConfig.of(new RuleCondition.Baseline(new ReadingPattern("discovery.cost_per_lead"), RuleCondition.Comparison.ABOVE,
                150, Duration.ofDays(7))));

        for (int hour = 0; hour < 83; hour++) {
            assertThat(feed(reading("discovery.cost_per_lead", 0.40), Duration.ofHours(1))).isEmpty();
        }
        assertThat(feed(reading("discovery.cost_per_lead", 5.00))).as("83 hours of history, less than half of 7d").isEmpty();
        clock.advance(Duration.ofHours(1));
        List<AlertEvent> fired = feed(reading("discovery.cost_per_lead", 5.00));

        assertThat(fired).as("84 hours back: enough").singleElement().extracting(AlertEvent::reason)
                .isEqualTo("discovery.cost_per_lead is 5, 1250% of its 7d median 0.40, above 150%");
    }

    @Test
    void aBaselineFiresAboveItsRatioAndNotAtIt() {
        check(RuleConfig.of(new RuleCondition.Baseline(new ReadingPattern("spend"), RuleCondition.Comparison.ABOVE, 150,
                Duration.ofDays(7))));
        for (int hour = 0; hour < 100; hour++) {
            feed(reading("spend", hour % 2 == 0 ? 4 : 6), Duration.ofHours(1));
        }

        assertThat(feed(reading("spend", 7.5))).as("150% of the median 5").isEmpty();
        assertThat(feed(reading("spend", 7.6))).as("in the same hour: the median is of the hours before").singleElement()
                .extracting(AlertEvent::reason).isEqualTo("spend is 7.60, 152% of its 7d median 5, above 150%");
    }

    @Test
    void aBaselineOfZeroSaysNothing() {
        check(RuleConfig.of(new RuleCondition.Baseline(new ReadingPattern("spend"), RuleCondition.Comparison.ABOVE, 150, Duration.ofDays(1))));
        for (int slot = 0; slot < 100; slot++) {
            feed(reading("spend", 0), Duration.ofMinutes(10));
        }

        assertThat(feed(reading("spend", 3))).isEmpty();
    }

    // --- limit and exhaustion ------------------------------------------------------------------------------------

    @Test
    void aReadingBelowItsLimitFiresOnceAndResolvesWhenItRecovers() {
        check(new RuleConfig(new RuleCondition.ReadingLimit(new ReadingPattern("searches.remaining"), RuleCondition.Comparison.BELOW, 100),
                Optional.of(Severity.MEDIUM), Duration.ZERO, Duration.ZERO));

        List<AlertEvent> all = new ArrayList<>();
        for (double value : new double[] {250, 80, 60, 2000}) {
            all.addAll(feed(reading("searches.remaining", value)));
        }

        assertThat(all).extracting(AlertEvent::status).containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);
        assertThat(all.get(0).reason()).isEqualTo("searches.remaining is 80, below 100");
        assertThat(all.get(0).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(all.get(1).reason()).isEqualTo("no longer: searches.remaining is 2000, not below 100");
        assertThat(all.get(1).incidentId()).isEqualTo(all.get(0).incidentId());
    }

    @Test
    void aBalanceThatRunsOutWithinTheHorizonAtItsCurrentRateFires() {
        check(RuleConfig.of(new RuleCondition.Exhaustion(new ReadingPattern("credits.remaining"), Duration.ofDays(7), Optional.empty())));

        List<AlertEvent> all = new ArrayList<>();
        for (int hour = 0; hour < 6; hour++) {
            all.addAll(feed(reading("credits.remaining", 1_000.0 - hour * 10), Duration.ofHours(1)));
        }

        assertThat(all).singleElement().extracting(AlertEvent::reason)
                .isEqualTo("credits.remaining (980) runs out in about 4d2h at the current rate, sooner than 7d");
    }

    @Test
    void aBalanceThatResetsBeforeItRunsOutOrDoesNotFallIsNoProblem() {
        check(RuleConfig.of(new RuleCondition.Exhaustion(new ReadingPattern("credits.remaining"), Duration.ofDays(7), Optional.of("reset.days"))));

        for (int hour = 0; hour < 12; hour++) {
            assertThat(feed(readings(Map.of("credits.remaining", 1_000.0 - hour * 10, "reset.days", 2.0)), Duration.ofHours(1))).isEmpty();
        }
        check(RuleConfig.of(new RuleCondition.Exhaustion(new ReadingPattern("neverbounce.credits"), Duration.ofDays(7), Optional.empty())));
        for (int hour = 0; hour < 12; hour++) {
            assertThat(feed(reading("neverbounce.credits", 500), Duration.ofHours(1))).isEmpty();
        }
    }

    // --- restart ---------------------------------------------------------------------------------------------------

    @Test
    void aRestartRebuildsTheWindowsFromStoredResultsAndKeepsTheIncident() {
        check(RuleConfig.of(new RuleCondition.ErrorRate(10, Duration.ofMinutes(10), 10, Optional.empty())));
        for (int i = 0; i < 10; i++) {
            feed(up());
        }
        assertThat(feed(down())).isEmpty();
        AlertEvent fired = feed(down()).get(0);

        rules = new AlertRules(stored, clock);
        List<AlertEvent> afterRestart = feed(down());

        assertThat(afterRestart).as("the FIRING again, with the same id: the alert path knows it already").singleElement()
                .satisfies(event -> {
                    assertThat(event.id()).isEqualTo(fired.id());
                    assertThat(event.incidentId()).isEqualTo(fired.incidentId());
                });
        assertThat(feed(down())).isEmpty();
    }

    @Test
    void aRuleThatHeldSinceBeforeTheStoredHistoryKeepsFiringQuietlyAfterARestart() {
        check(RuleConfig.of(new RuleCondition.ReadingLimit(new ReadingPattern("searches.remaining"), RuleCondition.Comparison.BELOW, 100)));
        assertThat(feed(reading("searches.remaining", 50))).hasSize(1);
        feed(reading("searches.remaining", 40));

        rules = new AlertRules(stored, clock);

        assertThat(feed(reading("searches.remaining", 30))).as("its start is not in the history: not announced again").isEmpty();
        assertThat(feed(reading("searches.remaining", 300))).singleElement().extracting(AlertEvent::status)
                .isEqualTo(AlertStatus.RESOLVED);
    }

    // --- takeover in a cluster -------------------------------------------------------------------------------------

    /** A previous leader's open alert for the check's reading rule, begun at another moment than this one saw. */
    private AlertEvent leftOpenByThePreviousLeader(String series) {
        String incident = IncidentIds.forRule("api-health", check.rules().get(0).id(), series,
                Instant.parse("2026-11-25T23:00:00Z"));
        return new AlertEvent(IncidentIds.event(incident, "FIRING", "DEGRADED", Instant.parse("2026-11-25T23:00:00Z")),
                incident, AlertStatus.FIRING, Severity.HIGH, "api-health", "api", io.sentinel.model.HealthState.DEGRADED,
                io.sentinel.model.HealthState.UP, null, "searches.remaining is 20, below 100", null,
                Instant.parse("2026-11-25T23:00:00Z"), Instant.parse("2026-11-25T23:00:00Z"));
    }

    @Test
    void aNewLeaderFiringTheSameRuleGoesOnUnderThePreviousLeadersIncident() {
        check(RuleConfig.of(new RuleCondition.ReadingLimit(new ReadingPattern("searches.remaining"), RuleCondition.Comparison.BELOW, 100)));
        AlertEvent ownFiring = feed(reading("searches.remaining", 50)).get(0);
        AlertEvent open = leftOpenByThePreviousLeader("");
        assertThat(ownFiring.incidentId()).as("this location saw it begin later").isNotEqualTo(open.incidentId());

        rules.takeOver(List.of(open));

        assertThat(feed(reading("searches.remaining", 40))).as("told already, by the previous leader").isEmpty();
        assertThat(feed(reading("searches.remaining", 300))).singleElement().satisfies(event -> {
            assertThat(event.status()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(event.incidentId()).isEqualTo(open.incidentId());
        });
    }

    @Test
    void anOpenAlertTheNewLeaderDoesNotSeeIsResolvedAndOneOnlyItSeesIsAnnounced() {
        check(RuleConfig.of(new RuleCondition.ReadingLimit(new ReadingPattern("*.remaining"), RuleCondition.Comparison.BELOW, 100)));
        AlertEvent seenHereOnly = feed(reading("searches.remaining", 50)).get(0);
        AlertEvent open = leftOpenByThePreviousLeader("verifications");

        rules.takeOver(List.of(open));
        List<AlertEvent> settled = feed(reading("searches.remaining", 40));

        assertThat(settled).extracting(AlertEvent::incidentId, AlertEvent::status).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(seenHereOnly.incidentId(), AlertStatus.FIRING),
                org.assertj.core.groups.Tuple.tuple(open.incidentId(), AlertStatus.RESOLVED));
        assertThat(feed(reading("searches.remaining", 30))).as("settled once").isEmpty();
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private void check(RuleConfig rule) {
        check = CheckConfig.builder("api-health", "api", "http", new CheckOptions() { }).rules(List.of(rule)).build();
    }

    /** Judges one result, then moves the clock on by the check's 30 s. */
    private List<AlertEvent> feed(ProbeResult result) {
        return feed(result, EVERY_30S);
    }

    private List<AlertEvent> feed(ProbeResult result, Duration thenWait) {
        stored.add(result);
        List<AlertEvent> events = rules.apply(check, result);
        clock.advance(thenWait);
        return events;
    }

    private ProbeResult up() {
        return up(Duration.ZERO);
    }

    private ProbeResult up(Duration latency) {
        return ProbeResult.of("api-health", "api", clock.instant()).latency(latency).up("HTTP 200");
    }

    private ProbeResult down() {
        return down(Duration.ZERO);
    }

    private ProbeResult down(Duration latency) {
        return ProbeResult.of("api-health", "api", clock.instant()).latency(latency).down(FailureClass.HTTP_5XX, "HTTP 503");
    }

    private ProbeResult reading(String name, double value) {
        return readings(Map.of(name, value));
    }

    private ProbeResult readings(Map<String, Double> values) {
        return ProbeResult.of("api-health", "api", clock.instant()).readings(values).up("read");
    }

    /** Per function: invocations and server errors. */
    private ProbeResult traffic(Map<String, long[]> perFunction) {
        ProbeResult.Builder result = ProbeResult.of("api-health", "api", clock.instant());
        perFunction.forEach((function, counts) -> result.reading("function." + function + ".invocations", counts[0])
                .reading("function." + function + ".server_errors", counts[1]));
        return result.up("logs");
    }

    /** The results as the store keeps them: asked by check and time, newest first. */
    private static final class StoredResults implements ResultHistory {

        @Override
        public List<io.sentinel.results.LatencySample> latenciesSince(java.time.Instant from, int limit) {
            return List.of();
        }
        private final List<ProbeResult> results = new ArrayList<>();

        void add(ProbeResult result) {
            results.add(result);
        }

        @Override
        public List<ProbeResult> history(String checkId, int limit) {
            return results.stream().filter(result -> result.checkId().equals(checkId))
                    .sorted(Comparator.comparing(ProbeResult::startedAt).reversed()).limit(limit).toList();
        }

        @Override
        public Map<String, ProbeResult> latestOf(java.util.Collection<String> checkIds) {
            return Map.of();
        }
    }
}
