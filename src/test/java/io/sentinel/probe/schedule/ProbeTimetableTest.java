package io.sentinel.probe.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckOptions;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The timetable on explicit instants: no threads, no sleeping. */
class ProbeTimetableTest {

    private static final long SECOND = 1_000_000_000L;

    private final ProbeTimetable timetable = new ProbeTimetable();

    @Test
    void aCheckIsDueAtItsFirstTimeThenEveryIntervalAfterItWasDue() {
        timetable.plan(check("a", 10), 5 * SECOND);

        assertThat(timetable.takeDue(4 * SECOND)).isEmpty();
        DueProbe first = timetable.takeDue(5 * SECOND).orElseThrow();
        timetable.completed(first, 7 * SECOND);

        assertThat(timetable.nextDueNanos()).isEqualTo(OptionalLong.of(15 * SECOND));
    }

    @Test
    void aRunningCheckIsNeverDueTwiceAndOneThatOverranItsIntervalRunsOnceWhenDone() {
        timetable.plan(check("a", 10), 0);
        DueProbe running = timetable.takeDue(0).orElseThrow();

        assertThat(timetable.takeDue(25 * SECOND)).as("still running").isEmpty();
        timetable.completed(running, 25 * SECOND);

        assertThat(timetable.nextDueNanos()).as("at once, not twice to catch up").isEqualTo(OptionalLong.of(25 * SECOND));
        timetable.completed(timetable.takeDue(25 * SECOND).orElseThrow(), 26 * SECOND);
        assertThat(timetable.nextDueNanos()).isEqualTo(OptionalLong.of(35 * SECOND));
    }

    @Test
    void aCompletedProbeSaysWhetherItsCheckIsNowTheEarliestDue() {
        timetable.plan(check("a", 10), 0);
        timetable.plan(check("b", 10), 4 * SECOND);
        DueProbe a = timetable.takeDue(0).orElseThrow();

        assertThat(timetable.completed(a, SECOND)).as("due at 10 s, behind b at 4 s").isFalse();

        DueProbe b = timetable.takeDue(4 * SECOND).orElseThrow();
        assertThat(timetable.completed(b, 5 * SECOND)).as("due at 14 s, behind a at 10 s").isFalse();
        timetable.plan(check("c", 2), 6 * SECOND);
        DueProbe c = timetable.takeDue(6 * SECOND).orElseThrow();
        assertThat(timetable.completed(c, 7 * SECOND)).as("due at 8 s, before a at 10 s").isTrue();
    }

    @Test
    void anUnchangedCheckKeepsItsPlaceWhenPlannedAgain() {
        CheckConfig a = check("a", 10);
        timetable.plan(a, 3 * SECOND);

        timetable.plan(a, 9 * SECOND);

        assertThat(timetable.nextDueNanos()).isEqualTo(OptionalLong.of(3 * SECOND));
        assertThat(timetable.size()).isEqualTo(1);
    }

    @Test
    void aChangedCheckIsPlannedAfreshAndItsRunningProbeCannotRescheduleTheOldPlan() {
        timetable.plan(check("a", 10), 0);
        DueProbe oldProbe = timetable.takeDue(0).orElseThrow();

        timetable.plan(check("a", 60), 2 * SECOND);
        timetable.completed(oldProbe, SECOND);

        assertThat(timetable.nextDueNanos()).isEqualTo(OptionalLong.of(2 * SECOND));
        DueProbe fresh = timetable.takeDue(2 * SECOND).orElseThrow();
        assertThat(fresh.check().interval()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aRemovedCheckIsNotDueAgainEvenAfterItsRunningProbeCompletes() {
        timetable.plan(check("a", 10), 0);
        DueProbe running = timetable.takeDue(0).orElseThrow();

        timetable.remove("a");
        timetable.completed(running, SECOND);

        assertThat(timetable.nextDueNanos()).isEmpty();
        assertThat(timetable.size()).isZero();
    }

    @Test
    void tenThousandChecksAreTakenInDueOrder() {
        for (int i = 0; i < 10_000; i++) {
            timetable.plan(check("c" + i, 30), (10_000 - i) * 1000L);
        }
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < 10_000; i++) {
            DueProbe due = timetable.takeDue(Long.MAX_VALUE / 2).orElseThrow();
            assertThat(due.dueNanos()).isGreaterThanOrEqualTo(previous);
            previous = due.dueNanos();
        }
        assertThat(timetable.takeDue(Long.MAX_VALUE / 2)).isEmpty();
    }

    private static CheckConfig check(String id, int intervalSeconds) {
        return CheckConfig.builder(id, "api", "http", new CheckOptions() { })
                .interval(Duration.ofSeconds(intervalSeconds)).build();
    }
}
