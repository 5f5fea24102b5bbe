package io.sentinel.alert.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * When a channel may be called: one message a second at its steady pace, sooner out of a burst allowance counted
 * in notifications. Driven by instants the test chooses.
 */
class ChannelPaceTest {

    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");
    private static final Duration SECOND = Duration.ofSeconds(1);

    private static ChannelPace pace(int burst) {
        return new ChannelPace(new ChannelRate(SECOND, burst), RetryPolicy.STANDARD, new Random(7));
    }

    private static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    @Test
    void aQuietChannelSendsAtOnceWhateverTheMessageCarries() {
        ChannelPace pace = pace(5);

        assertThat(pace.freeAt(1)).isEqualTo(Instant.MIN);
        assertThat(pace.freeAt(50)).isEqualTo(Instant.MIN);
    }

    @Test
    void alertsThatComeApartEachLeaveAtOnceWhileTheAllowanceLasts() {
        ChannelPace pace = pace(5);

        for (int call = 0; call < 5; call++) {
            Instant due = at(250L * call);
            assertThat(pace.freeAt(1)).as("message %d", call + 1).isBeforeOrEqualTo(due);
            pace.answered(due, 1);
        }

        assertThat(pace.freeAt(1)).as("five used, one earned back over the second: one more may go at once")
                .isEqualTo(at(1000));
        pace.answered(at(1000), 1);
        assertThat(pace.freeAt(1)).as("the allowance is spent: the steady pace").isEqualTo(at(2000));
    }

    @Test
    void aMessageLargerThanWhatIsLeftWaitsForTheSteadyPace() {
        ChannelPace pace = pace(5);
        pace.answered(T0, 6);

        assertThat(pace.freeAt(1)).as("a storm's first message empties the allowance").isEqualTo(at(1000));
        assertThat(pace.freeAt(20)).isEqualTo(at(1000));

        pace.answered(at(1000), 30);
        assertThat(pace.freeAt(1)).as("and it stays empty, without borrowing from later").isEqualTo(at(2000));
    }

    @Test
    void aMessageOfAFewUsesAsManyOfTheAllowance() {
        ChannelPace pace = pace(5);
        pace.answered(T0, 3);

        assertThat(pace.freeAt(2)).as("two of five left").isEqualTo(T0);
        assertThat(pace.freeAt(3)).as("the third comes back after a second").isEqualTo(at(1000));
        pace.answered(at(100), 2);
        assertThat(pace.freeAt(1)).isEqualTo(at(1000));
    }

    @Test
    void quietEarnsTheAllowanceBackOneNotificationASecond() {
        ChannelPace pace = pace(3);
        pace.answered(T0, 3);
        pace.answered(at(2500), 1);

        assertThat(pace.freeAt(1)).as("2.5 s of quiet earned 2.5 back, one used again: one may go at once")
                .isEqualTo(at(2000));
        assertThat(pace.freeAt(2)).as("two when the next half second is earned").isEqualTo(at(3000));
        assertThat(pace.freeAt(3)).as("three only at the steady pace").isEqualTo(at(3500));
        assertThat(pace.freeAt(4)).as("more than the burst: the steady pace").isEqualTo(at(3500));
    }

    @Test
    void aBurstOfOneIsOneMessagePerSpacing() {
        ChannelPace pace = pace(1);

        pace.answered(T0, 1);
        assertThat(pace.freeAt(1)).isEqualTo(at(1000));
        pace.answered(at(1500), 1);
        assertThat(pace.freeAt(1)).isEqualTo(at(2500));
        assertThat(pace.freeAt(10)).isEqualTo(at(2500));
    }

    @Test
    void afterAPauseTheChannelGetsOneMessageAtItsEndAndNoBurst() {
        ChannelPace pace = pace(5);

        Instant resume = pace.failed(T0, Optional.of(Duration.ofSeconds(30)));

        assertThat(resume).isEqualTo(T0.plus(Duration.ofSeconds(30)));
        assertThat(pace.freeAt(1)).isEqualTo(resume);
        assertThat(pace.freeAt(40)).isEqualTo(resume);
        pace.answered(resume, 1);
        assertThat(pace.freeAt(1)).as("one a second after the pause").isEqualTo(resume.plus(SECOND));
        pace.answered(resume.plus(SECOND), 1);
        assertThat(pace.freeAt(1)).isEqualTo(resume.plus(SECOND.multipliedBy(2)));
    }

    @Test
    void aPauseIsNeverShorterThanTheSpacing() {
        ChannelPace pace = pace(5);

        assertThat(pace.failed(T0, Optional.of(Duration.ofMillis(10)))).isEqualTo(at(1000));
    }

    @Test
    void aChannelWithoutASpacingIsAlwaysFree() {
        ChannelPace pace = new ChannelPace(ChannelRate.UNLIMITED, RetryPolicy.STANDARD, new Random(7));

        for (int call = 0; call < 100; call++) {
            pace.answered(T0, 50);
        }

        assertThat(pace.freeAt(50)).isBeforeOrEqualTo(T0);
    }

    @Test
    void aRateIsValidatedWhenBuilt() {
        assertThatThrownBy(() -> new ChannelRate(SECOND, 0)).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new ChannelRate(Duration.ofMillis(-1), 1)).hasMessageContaining("negative");
    }
}
