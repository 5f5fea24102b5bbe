package io.sentinel.alert.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** When a channel may be called: a token bucket kept as one instant, driven by instants the test chooses. */
class ChannelPaceTest {

    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");
    private static final Duration SECOND = Duration.ofSeconds(1);

    private static ChannelPace pace(int burst) {
        return new ChannelPace(new ChannelRate(SECOND, burst), RetryPolicy.STANDARD, new Random(7));
    }

    @Test
    void aQuietChannelTakesItsBurstBackToBackThenOneASecond() {
        ChannelPace pace = pace(5);
        assertThat(pace.freeAt()).isEqualTo(Instant.MIN);

        for (int call = 0; call < 4; call++) {
            pace.answered(T0);
            assertThat(pace.freeAt()).as("after call %d", call + 1).isBeforeOrEqualTo(T0);
        }
        pace.answered(T0);

        assertThat(pace.freeAt()).as("the burst is spent").isEqualTo(T0.plus(SECOND));
        pace.answered(T0.plus(SECOND));
        assertThat(pace.freeAt()).isEqualTo(T0.plus(SECOND.multipliedBy(2)));
    }

    @Test
    void fiveCallsAQuarterOfASecondApartAllGoWhenTheyAreDue() {
        ChannelPace pace = pace(5);

        for (int call = 0; call < 5; call++) {
            Instant due = T0.plus(Duration.ofMillis(250L * call));
            assertThat(pace.freeAt()).as("call %d", call + 1).isBeforeOrEqualTo(due);
            pace.answered(due);
        }

        assertThat(pace.freeAt()).as("five spent, one earned back over the second: one more may go at once")
                .isEqualTo(T0.plus(SECOND));
    }

    @Test
    void everySecondOfQuietEarnsOneCallBackUpToTheBurst() {
        ChannelPace pace = pace(3);
        pace.answered(T0);
        pace.answered(T0);
        pace.answered(T0);
        assertThat(pace.freeAt()).isEqualTo(T0.plus(SECOND));

        Instant later = T0.plus(Duration.ofSeconds(2));
        pace.answered(later);
        pace.answered(later);
        assertThat(pace.freeAt()).as("two seconds earned two calls back").isEqualTo(T0.plus(Duration.ofSeconds(3)));

        Instant muchLater = T0.plus(Duration.ofMinutes(10));
        pace.answered(muchLater);
        pace.answered(muchLater);
        pace.answered(muchLater);
        assertThat(pace.freeAt()).as("quiet earns no more than the burst").isEqualTo(muchLater.plus(SECOND));
    }

    @Test
    void aBurstOfOneIsOneCallPerSpacing() {
        ChannelPace pace = pace(1);

        pace.answered(T0);
        assertThat(pace.freeAt()).isEqualTo(T0.plus(SECOND));
        pace.answered(T0.plus(Duration.ofMillis(1500)));
        assertThat(pace.freeAt()).isEqualTo(T0.plus(Duration.ofMillis(2500)));
    }

    @Test
    void afterAPauseTheChannelGetsOneCallAtItsEndAndNoBurst() {
        ChannelPace pace = pace(5);

        Instant resume = pace.failed(T0, Optional.of(Duration.ofSeconds(30)));

        assertThat(resume).isEqualTo(T0.plus(Duration.ofSeconds(30)));
        assertThat(pace.freeAt()).isEqualTo(resume);
        pace.answered(resume);
        assertThat(pace.freeAt()).as("one a second after the pause").isEqualTo(resume.plus(SECOND));
        pace.answered(resume.plus(SECOND));
        assertThat(pace.freeAt()).isEqualTo(resume.plus(SECOND.multipliedBy(2)));
    }

    @Test
    void aPauseIsNeverShorterThanTheSpacing() {
        ChannelPace pace = pace(5);

        assertThat(pace.failed(T0, Optional.of(Duration.ofMillis(10)))).isEqualTo(T0.plus(SECOND));
    }

    @Test
    void aChannelWithoutASpacingIsAlwaysFree() {
        ChannelPace pace = new ChannelPace(ChannelRate.UNLIMITED, RetryPolicy.STANDARD, new Random(7));

        for (int call = 0; call < 100; call++) {
            pace.answered(T0);
        }

        assertThat(pace.freeAt()).isBeforeOrEqualTo(T0);
    }

    @Test
    void aRateIsValidatedWhenBuilt() {
        assertThatThrownBy(() -> new ChannelRate(SECOND, 0)).hasMessageContaining("at least one message");
        assertThatThrownBy(() -> new ChannelRate(Duration.ofMillis(-1), 1)).hasMessageContaining("negative");
    }
}
