package io.sentinel.rules;

import io.sentinel.model.HealthState;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeResult;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThresholdPolicyTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private final ThresholdPolicy policy = new ThresholdPolicy(3, 2);
    private int probes;

    @Test
    void firstGoodResultMakesAnUnknownCheckUp() {
        CheckState state = apply(CheckState.unknown("web"), Outcome.UP);

        assertThat(state.state()).isEqualTo(HealthState.UP);
        assertThat(state.since()).isNotNull();
        assertThat(state.incidentId()).isNull();
    }

    @Test
    void anUnknownCheckStaysUnknownUntilTheFailureThresholdIsReached() {
        CheckState state = apply(CheckState.unknown("web"), Outcome.DOWN, Outcome.DOWN);
        assertThat(state.state()).isEqualTo(HealthState.UNKNOWN);

        state = apply(state, Outcome.DOWN);
        assertThat(state.state()).isEqualTo(HealthState.DOWN);
        assertThat(state.incidentId()).isEqualTo("incident-1");
    }

    @Test
    void upTurnsDownOnlyOnTheThirdConsecutiveFailure() {
        CheckState up = apply(CheckState.unknown("web"), Outcome.UP);

        CheckState twoFailures = apply(up, Outcome.DOWN, Outcome.DOWN);
        assertThat(twoFailures.state()).isEqualTo(HealthState.UP);
        assertThat(twoFailures.consecutiveFailures()).isEqualTo(2);

        assertThat(apply(twoFailures, Outcome.DOWN).state()).isEqualTo(HealthState.DOWN);
    }

    @Test
    void aGoodProbeBetweenFailuresResetsTheStreak() {
        CheckState state = apply(CheckState.unknown("web"), Outcome.UP, Outcome.DOWN, Outcome.DOWN, Outcome.UP,
                Outcome.DOWN, Outcome.DOWN);

        assertThat(state.state()).isEqualTo(HealthState.UP);
        assertThat(state.consecutiveFailures()).isEqualTo(2);
    }

    @Test
    void downComesBackUpAfterTheSecondConsecutiveGoodProbe() {
        CheckState down = apply(CheckState.unknown("web"), Outcome.DOWN, Outcome.DOWN, Outcome.DOWN);

        CheckState oneGood = apply(down, Outcome.UP);
        assertThat(oneGood.state()).isEqualTo(HealthState.DOWN);
        assertThat(oneGood.incidentId()).isEqualTo(down.incidentId());

        CheckState recovered = apply(oneGood, Outcome.UP);
        assertThat(recovered.state()).isEqualTo(HealthState.UP);
        assertThat(recovered.incidentId()).isNull();
    }

    @Test
    void downThatRecoversSlowlyBecomesDegradedNotUp() {
        CheckState down = apply(CheckState.unknown("web"), Outcome.DOWN, Outcome.DOWN, Outcome.DOWN);

        CheckState state = apply(down, Outcome.DEGRADED, Outcome.UP);

        assertThat(state.state()).isEqualTo(HealthState.DEGRADED);
        assertThat(state.incidentId()).as("still the same outage").isEqualTo(down.incidentId());
    }

    @Test
    void upBecomesDegradedAfterThreeSlowProbesAndUpAgainAfterTwoGoodOnes() {
        CheckState up = apply(CheckState.unknown("web"), Outcome.UP);

        CheckState degraded = apply(up, Outcome.DEGRADED, Outcome.DEGRADED, Outcome.DEGRADED);
        assertThat(degraded.state()).isEqualTo(HealthState.DEGRADED);

        assertThat(apply(degraded, Outcome.UP).state()).isEqualTo(HealthState.DEGRADED);
        assertThat(apply(degraded, Outcome.UP, Outcome.UP).state()).isEqualTo(HealthState.UP);
    }

    @Test
    void skippedAndShortCircuitedResultsLeaveTheStateAlone() {
        CheckState down = apply(CheckState.unknown("web"), Outcome.DOWN, Outcome.DOWN, Outcome.DOWN);

        assertThat(apply(down, Outcome.SKIPPED)).isSameAs(down);
        assertThat(apply(down, Outcome.SHORT_CIRCUITED)).isSameAs(down);
    }

    @Test
    void sinceMarksTheChangeNotTheLatestProbe() {
        CheckState up = apply(CheckState.unknown("web"), Outcome.UP);
        Instant since = up.since();

        CheckState later = apply(up, Outcome.UP, Outcome.UP);

        assertThat(later.since()).isEqualTo(since);
        assertThat(later.lastProbeAt()).isAfter(since);
    }

    private CheckState apply(CheckState state, Outcome... outcomes) {
        CheckState current = state;
        for (Outcome outcome : outcomes) {
            probes++;
            Instant at = T0.plusSeconds(60L * probes);
            ProbeResult.Builder result = ProbeResult.of("web", "frontend", at).latency(Duration.ofMillis(20));
            ProbeResult probe = outcome == Outcome.DOWN ? result.down(FailureClass.HTTP_5XX, "HTTP 500")
                    : result.build(outcome, null, "");
            current = policy.next(current, probe, at, () -> "incident-1");
        }
        return current;
    }
}
