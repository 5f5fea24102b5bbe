package io.sentinel.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void eachFailureDoublesTheWaitUpToTheMaximum() {
        Backoff backoff = Backoff.standard();
        StringBuilder waits = new StringBuilder();
        for (int attempt = 0; attempt < 8; attempt++) {
            waits.append(backoff.current().toSeconds()).append(' ');
            backoff = backoff.next();
        }

        assertThat(waits.toString().strip()).isEqualTo("1 2 4 8 16 30 30 30");
    }

    @Test
    void aSuccessStartsAgainFromTheFirstWait() {
        Backoff backoff = Backoff.standard().next().next().next();

        assertThat(backoff.reset().current()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aMaximumShorterThanTheFirstWaitIsRefused() {
        assertThatThrownBy(() -> Backoff.between(Duration.ofSeconds(10), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
