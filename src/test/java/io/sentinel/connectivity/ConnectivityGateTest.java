package io.sentinel.connectivity;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckOptions;
import io.sentinel.model.FailureClass;
import io.sentinel.model.HealthState;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeResult;
import io.sentinel.rules.CheckState;
import io.sentinel.rules.CheckStateRepository;
import io.sentinel.rules.CheckStates;
import io.sentinel.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sentinel's own network trouble is not blamed on the dependencies; its return brings no stale alerts. */
class ConnectivityGateTest {

    private final MutableClock clock = MutableClock.at("2026-12-02T07:10:00Z");
    private final CheckConfig internet = check("generate-204", "internet", 1);
    private final CheckConfig api = check("api-health", "api", 3);
    private final Map<String, CheckConfig> checks = Map.of(internet.id(), internet, api.id(), api);
    private final CheckStates states = new CheckStates(id -> Optional.ofNullable(checks.get(id)), new CheckStateRepository() {
        @Override
        public Map<String, CheckState> loadAll() {
            return Map.of();
        }

        @Override
        public void saveLater(CheckState state) {
        }
    }, clock);
    private final ConnectivityGate gate = new ConnectivityGate(Set.of(internet.id()), states);

    @Test
    void withoutConnectivityChecksEveryResultPassesAsItIs() {
        ConnectivityGate none = new ConnectivityGate(Set.of(), states);
        ProbeResult failed = failed(api, clock.instant());

        assertThat(none.judge(api, failed)).isSameAs(failed);
        assertThat(none.blames(failed)).isFalse();
    }

    @Test
    void whileEveryConnectivityCheckFailsOtherFailuresAreSkippedAndNotCountedByTheBreaker() {
        judgeAndDecide(internet, failed(internet, clock.instant()));
        ProbeResult failed = failed(api, clock.instant());

        ProbeResult judged = gate.judge(api, failed);

        assertThat(judged.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(judged.message()).isEqualTo("Sentinel lost connectivity: connection refused");
        assertThat(gate.blames(failed)).isTrue();
        assertThat(gate.blames(failed(internet, clock.instant()))).as("the connectivity check's own failure is real").isFalse();
        assertThat(gate.isNotCountedByBreakers(failed(internet, clock.instant())))
                .as("but its breaker must not stop the probes that tell when the network is back").isTrue();
        assertThat(gate.isNotCountedByBreakers(failed)).isTrue();
        ProbeResult working = up(api, clock.instant());
        assertThat(gate.judge(api, working)).as("a working answer proves itself").isSameAs(working);
    }

    @Test
    void onceTheConnectivityChecksAreDownAnUpCheckBecomesUnknownAndADownOneStaysDown() {
        judgeAndDecide(api, up(api, clock.instant()));
        judgeAndDecide(internet, failed(internet, clock.instant()));
        assertThat(states.state(internet.id()).state()).isEqualTo(HealthState.DOWN);

        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            judgeAndDecide(api, failed(api, clock.instant()));
        }

        assertThat(states.state(api.id()).state()).as("UNKNOWN, never DOWN").isEqualTo(HealthState.UNKNOWN);
        assertThat(states.lastResult(api.id()).orElseThrow().outcome()).isEqualTo(Outcome.SKIPPED);
    }

    @Test
    void whenConnectivityReturnsProbesStartedBeforeItAreStillNotBlamedButLaterOnesAre() {
        Instant lost = clock.instant();
        judgeAndDecide(internet, failed(internet, lost));
        Instant back = lost.plusSeconds(60);
        judgeAndDecide(internet, up(internet, back));

        ProbeResult stale = failed(api, back.minusMillis(1));
        ProbeResult fresh = failed(api, back.plusMillis(1));

        assertThat(gate.judge(api, stale).outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(gate.judge(api, fresh)).isSameAs(fresh);
    }

    private void judgeAndDecide(CheckConfig check, ProbeResult result) {
        states.evaluate(check, gate.judge(check, result));
    }

    private static CheckConfig check(String id, String dependency, int failureThreshold) {
        return CheckConfig.builder(id, dependency, "http", new CheckOptions() { }).thresholds(failureThreshold, 1)
                .connectivity(dependency.equals("internet")).build();
    }

    private static ProbeResult failed(CheckConfig check, Instant startedAt) {
        return ProbeResult.of(check.id(), check.dependency(), startedAt).down(FailureClass.CONNECT, "connection refused");
    }

    private static ProbeResult up(CheckConfig check, Instant startedAt) {
        return ProbeResult.of(check.id(), check.dependency(), startedAt).up("204");
    }
}
