package io.sentinel.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckOptions;
import io.sentinel.config.FlappingSettings;
import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.model.FailureClass;
import io.sentinel.model.HealthState;
import io.sentinel.probe.ProbeResult;
import io.sentinel.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A check that changes state more than 5 times within an hour (the default) is FLAPPING: one alert says so, its
 * changes of state are committed but not announced, and when it settles one alert says that, plus one for an
 * outage it is left in. Driven through the rules step with thresholds of one probe, on a clock the test moves.
 */
class FlapDetectionTest {

    private final MutableClock clock = MutableClock.at("2026-11-26T08:00:00Z");
    private final CheckConfig check = CheckConfig.builder("fn-export", "supabase-functions", "supabase-function",
            new CheckOptions() { }).thresholds(1, 1).flapping(FlappingSettings.DEFAULT).build();
    private final CheckStates states = new CheckStates(id -> Optional.of(check), new NothingStored(), clock);
    private FlapDetection flapping = new FlapDetection();
    private Rules rules = new Rules(states, flapping, List.of(), List.of(), clock);
    private final List<Verdict> verdicts = new ArrayList<>();

    @Test
    void fiveChangesInAnHourAreAnnouncedEachAndTheSixthMakesItFlapping() {
        List<AlertEvent> events = flips(5);   // UP, then DOWN UP DOWN UP DOWN: five changes
        assertThat(events).extracting(AlertEvent::status).containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED,
                AlertStatus.FIRING, AlertStatus.RESOLVED, AlertStatus.FIRING);
        assertThat(flapping.isFlapping("fn-export")).isFalse();

        List<AlertEvent> sixth = decide(up());

        assertThat(sixth).as("the outage announced last ends, and one FLAPPING alert").hasSize(2);
        assertThat(sixth.get(0).status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(sixth.get(0).incidentId()).isEqualTo(events.get(4).incidentId());
        assertThat(sixth.get(1).status()).isEqualTo(AlertStatus.FIRING);
        assertThat(sixth.get(1).incidentId()).isEqualTo("flapping:fn-export@20261126T080600.000Z");
        assertThat(sixth.get(1).reason()).isEqualTo("FLAPPING: 6 changes of state within 1h, now UP; further changes are"
                + " not announced until it settles");
        assertThat(flapping.isFlapping("fn-export")).isTrue();
    }

    @Test
    void whileFlappingChangesOfStateAreCommittedButNotAnnounced() {
        flips(6);
        int before = verdicts.size();

        List<AlertEvent> more = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            more.addAll(decide(i % 2 == 0 ? down() : up()));
        }

        assertThat(more).isEmpty();
        assertThat(verdicts.subList(before, verdicts.size())).allSatisfy(verdict ->
                assertThat(verdict.changedState()).as("the state itself is still committed").isNotNull());
        assertThat(states.state("fn-export").state()).isEqualTo(HealthState.UP);
    }

    @Test
    void whenItSettlesDownOneAlertSaysSoAndOneMoreAnnouncesTheOutageItIsIn() {
        flips(6);
        decide(down());    // 08:07, not announced
        for (int minute = 0; minute < 60; minute++) {
            decide(down());    // steady DOWN: the old changes leave the hour one by one
        }

        assertThat(flapping.isFlapping("fn-export")).isFalse();
        List<AlertEvent> settled = verdicts.stream().flatMap(verdict -> verdict.events().stream())
                .filter(event -> event.at().isAfter(java.time.Instant.parse("2026-11-26T08:07:00Z"))).toList();
        assertThat(settled).hasSize(2);
        assertThat(settled.get(0).status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(settled.get(0).incidentId()).startsWith("flapping:fn-export@");
        assertThat(settled.get(0).reason()).startsWith("no longer flapping, settled: 2 changes of state within 1h, now DOWN");
        assertThat(settled.get(1).status()).isEqualTo(AlertStatus.FIRING);
        assertThat(settled.get(1).state()).isEqualTo(HealthState.DOWN);
        assertThat(settled.get(1).incidentId()).isEqualTo(states.state("fn-export").incidentId());
        assertThat(settled.get(1).reason()).isEqualTo("still DOWN after flapping: HTTP 503");
    }

    @Test
    void whenItSettlesUpOnlyTheFlappingEnds() {
        flips(6);
        List<AlertEvent> after = new ArrayList<>();
        for (int minute = 0; minute < 61; minute++) {
            after.addAll(decide(up()));
        }

        assertThat(after).singleElement().satisfies(event -> {
            assertThat(event.status()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(event.incidentId()).startsWith("flapping:");
        });
    }

    @Test
    void changesSpreadOverMoreThanTheSpanAreNotFlapping() {
        List<AlertEvent> events = new ArrayList<>();
        events.addAll(decide(up()));
        for (int i = 0; i < 12; i++) {
            clock.advance(Duration.ofMinutes(15));
            events.addAll(decide(i % 2 == 0 ? down() : up()));
        }

        assertThat(events).hasSize(12).noneMatch(event -> event.incidentId().startsWith("flapping:"));
    }

    @Test
    void aRestartWhileFlappingAnnouncesNoChangeAndSettlesAfterACalmSpan() {
        List<AlertEvent> told = flips(7);    // flapping since the sixth change, and DOWN after the seventh
        List<AlertEvent> newestFirst = new ArrayList<>(told);
        java.util.Collections.reverse(newestFirst);

        flapping = new FlapDetection();
        flapping.restore(newestFirst, id -> Optional.of(check), clock.instant());
        rules = new Rules(states, flapping, List.of(), List.of(), clock);

        assertThat(flapping.isFlapping("fn-export")).isTrue();
        List<AlertEvent> more = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            more.addAll(decide(i % 2 == 0 ? up() : down()));
        }
        assertThat(more).as("still flapping after the restart: nothing announced").isEmpty();
        List<AlertEvent> calm = new ArrayList<>();
        for (int minute = 0; minute < 61; minute++) {
            calm.addAll(decide(down()));
        }
        assertThat(calm).extracting(AlertEvent::status).containsExactly(AlertStatus.RESOLVED, AlertStatus.FIRING);
        assertThat(calm.get(0).incidentId()).as("the flapping told before the restart ends")
                .isEqualTo(told.stream().filter(event -> event.incidentId().startsWith("flapping:")).findFirst()
                        .orElseThrow().incidentId());
        assertThat(calm.get(1).reason()).startsWith("still DOWN after flapping");
    }

    /** An UP, then {@code changes} changes of state a minute apart: DOWN, UP, DOWN … */
    private List<AlertEvent> flips(int changes) {
        List<AlertEvent> events = new ArrayList<>(decide(up()));
        for (int i = 0; i < changes; i++) {
            events.addAll(decide(i % 2 == 0 ? down() : up()));
        }
        return events;
    }

    /** The events of one result's verdict; the clock then moves on a minute. */
    private List<AlertEvent> decide(ProbeResult result) {
        Verdict verdict = rules.decide(check, result);
        verdicts.add(verdict);
        clock.advance(Duration.ofMinutes(1));
        return verdict.events();
    }

    private ProbeResult up() {
        return ProbeResult.of("fn-export", "supabase-functions", clock.instant()).up("HTTP 200");
    }

    private ProbeResult down() {
        return ProbeResult.of("fn-export", "supabase-functions", clock.instant()).down(FailureClass.HTTP_5XX, "HTTP 503");
    }
}
