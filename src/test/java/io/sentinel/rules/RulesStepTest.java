package io.sentinel.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckOptions;
import io.sentinel.config.RuleCondition;
import io.sentinel.config.RuleConfig;
import io.sentinel.model.AlertStatus;
import io.sentinel.model.FailureClass;
import io.sentinel.model.HealthState;
import io.sentinel.probe.ProbeResult;
import io.sentinel.results.ResultHistory;
import io.sentinel.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The rules step puts a rule's events into the one verdict the alert path takes, after the check's own change
 * of state: a rule is one more source of events on the one-way path, not a path of its own.
 */
class RulesStepTest {

    private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
    private final CheckConfig check = CheckConfig.builder("db-ping", "supabase-db", "postgres", new CheckOptions() { })
            .thresholds(3, 2)
            .rules(List.of(RuleConfig.of(new RuleCondition.ErrorRate(5, Duration.ofMinutes(15), 3, Optional.empty()))))
            .build();
    private final CheckStates states = new CheckStates(id -> Optional.of(check), new NothingStored(), clock);
    private final Rules rules = new Rules(states, new FlapDetection(), List.of(new AlertRules(new NoHistory(), clock)),
            List.of(), clock);

    @Test
    void aRuleFiresInTheSameVerdictAsTheThresholdsWithoutChangingTheChecksState() {
        rules.decide(check, up());
        rules.decide(check, up());

        Verdict verdict = rules.decide(check, down());

        assertThat(verdict.changedState()).as("one failure is no DOWN").isNull();
        assertThat(verdict.events()).singleElement().satisfies(event -> {
            assertThat(event.status()).isEqualTo(AlertStatus.FIRING);
            assertThat(event.checkId()).isEqualTo("db-ping");
            assertThat(event.state()).isEqualTo(HealthState.DEGRADED);
            assertThat(event.id()).isEqualTo("rule:db-ping:error-rate-above-5pct-over-15m-min-3@20261126T100000.000Z"
                    + "/FIRING-DEGRADED@20261126T100000.000Z");
        });
        assertThat(states.state("db-ping").state()).isEqualTo(HealthState.UP);
    }

    private ProbeResult up() {
        return ProbeResult.of("db-ping", "supabase-db", clock.instant()).up("select 1");
    }

    private ProbeResult down() {
        return ProbeResult.of("db-ping", "supabase-db", clock.instant()).down(FailureClass.DB, "connection refused");
    }

    private static final class NoHistory implements ResultHistory {

        @Override
        public List<io.sentinel.results.LatencySample> latenciesSince(java.time.Instant from, int limit) {
            return List.of();
        }
        @Override
        public List<ProbeResult> history(String checkId, int limit) {
            return List.of();
        }

        @Override
        public Map<String, ProbeResult> latestOf(java.util.Collection<String> checkIds) {
            return Map.of();
        }
    }
}
