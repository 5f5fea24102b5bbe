package io.sentinel.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckOptions;
import io.sentinel.config.Severity;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.ProbeResult;
import io.sentinel.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckStatesTest {

    private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
    private final CheckConfig check = CheckConfig.builder("db-ping", "supabase-db", "postgres", new CheckOptions() { })
            .severity(Severity.CRITICAL).build();
    private final List<CheckState> saved = new ArrayList<>();
    private final List<CheckState> savedLater = new ArrayList<>();
    private final CheckStates states = new CheckStates(id -> Optional.of(check), new CheckStateRepository() {
        @Override
        public Map<String, CheckState> loadAll() {
            return Map.of();
        }

        @Override
        public void saveLater(CheckState state) {
            savedLater.add(state);
        }
    }, clock, counter());

    private static java.util.function.BiFunction<String, java.time.Instant, String> counter() {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        return (checkId, at) -> "id-" + next.incrementAndGet();
    }

    /** The event a result raised, or null: these checks raise at most one. */
    private AlertEvent evaluate(ProbeResult result) {
        Verdict verdict = states.evaluate(result);
        verdict.state().ifPresent(saved::add);
        return verdict.event().orElse(null);
    }

    @Test
    void theThirdFailureFiresOnceWithTheCheckSeverityAndTheFailure() {
        evaluate(up());
        assertThat(evaluate(down())).isNull();
        assertThat(evaluate(down())).isNull();

        AlertEvent firing = evaluate(down());

        assertThat(firing.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(firing.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(firing.failureClass()).isEqualTo(FailureClass.TIMEOUT);
        assertThat(firing.reason()).isEqualTo("3 failed probes in a row: no answer within 10s");
        assertThat(evaluate(down())).as("still the same outage").isNull();
    }

    @Test
    void theResolveSaysHowLongItLastedAndKeepsTheIncident() {
        evaluate(down());
        evaluate(down());
        AlertEvent firing = evaluate(down());
        clock.advance(Duration.ofMinutes(4).plusSeconds(12)); // then two probes a minute apart
        evaluate(up());

        AlertEvent resolved = evaluate(up());

        assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(resolved.incidentId()).isEqualTo(firing.incidentId());
        assertThat(resolved.reason()).isEqualTo("2 good probes in a row; was DOWN for 6m12s");
        assertThat(resolved.since()).isEqualTo(firing.since());
    }

    @Test
    void stateChangesComeWithTheVerdictAndSteadyStreaksAreNotStoredAgainAndAgain() {
        evaluate(up());
        assertThat(saved).hasSize(1);

        for (int i = 0; i < 20; i++) {
            evaluate(up());
        }

        assertThat(savedLater).as("only until the streak passes the largest threshold").hasSize(2);
    }

    private ProbeResult up() {
        clock.advance(Duration.ofSeconds(60));
        return ProbeResult.of("db-ping", "supabase-db", clock.instant()).latency(Duration.ofMillis(12)).up("select 1");
    }

    private ProbeResult down() {
        clock.advance(Duration.ofSeconds(60));
        return ProbeResult.of("db-ping", "supabase-db", clock.instant()).latency(Duration.ofSeconds(10))
                .down(FailureClass.TIMEOUT, "no answer within 10s");
    }
}
