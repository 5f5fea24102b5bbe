package io.sentinel.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.alert.dispatch.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofHours(24));
    private final Instant now = Instant.parse("2026-11-26T10:00:00Z");
    private final Random random = new Random(42);

    @Test
    void theDelayDoublesWithJitterAndStopsGrowingAtTheMaximum() {
        for (int attempts = 1; attempts <= 12; attempts++) {
            long ceiling = Math.min(2_000L << (attempts - 1), 300_000L);
            Duration wait = Duration.between(now, policy.nextAttempt(now, attempts, Optional.empty(), random));
            assertThat(wait.toMillis()).as("attempt %d", attempts).isBetween(ceiling / 2, ceiling);
        }
    }

    @Test
    void theChannelsOwnWaitIsNeverShortened() {
        Instant next = policy.nextAttempt(now, 1, Optional.of(Duration.ofSeconds(30)), random);

        assertThat(next).isEqualTo(now.plusSeconds(30));
    }

    @Test
    void aNotificationOlderThanADayIsGivenUp() {
        assertThat(policy.isTooOld(now.minus(Duration.ofHours(25)), now)).isTrue();
        assertThat(policy.isTooOld(now.minus(Duration.ofHours(23)), now)).isFalse();
    }
}
