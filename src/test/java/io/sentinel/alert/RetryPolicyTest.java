package io.sentinel.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentinel.alert.dispatch.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = RetryPolicy.STANDARD;
    private final Instant now = Instant.parse("2026-11-26T10:00:00Z");
    private final Random random = new Random(42);

    @Test
    void thePauseDoublesWithJitterAndStopsGrowingAtThirtySeconds() {
        for (int failures = 1; failures <= 40; failures++) {
            long ceiling = Math.min(2_000L << Math.min(failures - 1, 20), 30_000L);
            Duration pause = policy.pause(failures, Optional.empty(), random);
            assertThat(pause.toMillis()).as("failure %d", failures).isBetween(ceiling / 2, ceiling);
        }
    }

    @Test
    void theChannelsOwnWaitIsTheWaitLongerOrShorterThanOurs() {
        assertThat(policy.pause(1, Optional.of(Duration.ofSeconds(45)), random)).isEqualTo(Duration.ofSeconds(45));
        assertThat(policy.pause(9, Optional.of(Duration.ofSeconds(1)), random)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aNotificationOlderThanADayIsGivenUp() {
        assertThat(policy.isTooOld(now.minus(Duration.ofHours(25)), now)).isTrue();
        assertThat(policy.isTooOld(now.minus(Duration.ofHours(23)), now)).isFalse();
    }

    @Test
    void aPolicyThatCannotWorkIsRefusedWhenBuilt() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(30), Duration.ofHours(24)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first pause");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofHours(24)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter than the first");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("give-up age");
    }
}
