package io.sentinel.breaker;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.sentinel.config.BreakerSettings;
import io.sentinel.config.DependencyConfig;
import io.sentinel.config.Severity;
import io.sentinel.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BreakersTest {

    private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
    private final BreakerSettings settings =
            new BreakerSettings(4, 4, 50f, Duration.ofSeconds(5), 100f, Duration.ofMinutes(2), 1, Severity.HIGH);
    private final Breakers breakers = new Breakers(List.of(new DependencyConfig("hunter", "", settings)), clock);
    private final List<BreakerTransition> transitions = new ArrayList<>();

    BreakersTest() {
        breakers.onTransition(transitions::add);
    }

    @Test
    void opensAfterTheWindowFillsWithFailuresAndSaysWhy() {
        CircuitBreaker breaker = breakers.get("hunter");
        for (int i = 0; i < 4; i++) {
            breaker.onError(0, java.util.concurrent.TimeUnit.MILLISECONDS, new CountedFailure(
                    io.sentinel.probe.ProbeResult.of("hunter-account", "hunter", clock.instant())
                            .down(io.sentinel.model.FailureClass.QUOTA, "monthly searches used up")));
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(transitions).singleElement().satisfies(transition -> {
            assertThat(transition.disables()).isTrue();
            assertThat(transition.actor()).isEqualTo(BreakerTransition.AUTOMATIC);
            assertThat(transition.reason()).startsWith("4 of the last 4 probes failed (100%, limit 50%)");
        });
        assertThat(breakers.nextTrialAt("hunter")).hasValue(clock.instant().plus(Duration.ofMinutes(2)));
    }

    @Test
    void skippedProbesAreNeitherSuccessesNorFailures() {
        CircuitBreaker breaker = breakers.get("hunter");
        breaker.onError(0, java.util.concurrent.TimeUnit.MILLISECONDS, new NotCounted(
                io.sentinel.probe.ProbeResult.of("hunter-account", "hunter", clock.instant()).skipped("set HUNTER_API_KEY")));

        assertThat(breaker.getMetrics().getNumberOfBufferedCalls()).isZero();
    }

    @Test
    void anOperatorActionCarriesItsReason() {
        breakers.forceOpen("hunter", "credits exhausted");

        assertThat(transitions).singleElement().satisfies(transition -> {
            assertThat(transition.to()).isEqualTo(CircuitBreaker.State.FORCED_OPEN);
            assertThat(transition.actor()).isEqualTo(BreakerTransition.OPERATOR);
            assertThat(transition.reason()).isEqualTo("credits exhausted");
        });
        assertThat(breakers.describeOpen("hunter")).contains("forced open by an operator");
    }

    @Test
    void restoringAnOpenBreakerKeepsItsOriginalDeadlineAndAnnouncesNothing() {
        Instant openedAt = clock.instant().minus(Duration.ofMinutes(1));
        breakers.restore(Map.of("hunter", new StoredBreaker("hunter", CircuitBreaker.State.OPEN, openedAt,
                openedAt.plus(Duration.ofMinutes(2)), "incident-1")));

        CircuitBreaker breaker = breakers.get("hunter");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(transitions).isEmpty();
        assertThat(breakers.since("hunter")).isEqualTo(openedAt);
        assertThat(breaker.tryAcquirePermission()).isFalse();

        clock.advance(Duration.ofSeconds(61));
        assertThat(breaker.tryAcquirePermission()).as("a trial after the remaining minute").isTrue();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    }
}
