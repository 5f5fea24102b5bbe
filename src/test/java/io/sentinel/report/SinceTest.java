package io.sentinel.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SinceTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Duration MONTH = Duration.ofDays(31);

    @Test
    void aDurationCountsBackFromNow() {
        assertThat(Since.parse("24h", NOW, MONTH)).isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
        assertThat(Since.parse(" 1h30m ", NOW, MONTH)).isEqualTo(Instant.parse("2026-11-26T10:30:00Z"));
        assertThat(Since.parse("PT24H", NOW, MONTH)).isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
        assertThat(Since.parse("31d", NOW, MONTH)).isEqualTo(Instant.parse("2026-10-26T12:00:00Z"));
    }

    @Test
    void anInstantIsTakenAsItIsWithAnyOffset() {
        assertThat(Since.parse("2026-11-26T09:00:00Z", NOW, MONTH)).isEqualTo(Instant.parse("2026-11-26T09:00:00Z"));
        assertThat(Since.parse("2026-11-26T10:00:00+01:00", NOW, MONTH)).isEqualTo(Instant.parse("2026-11-26T09:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "24", "h", "-1h", "24h; DROP TABLE", "%zz", "2026-13-01T00:00:00Z",
            "99999999999999999999d", "P", "PTxH", "1e3s", "NaN"})
    void anythingElseIsRefusedNamingWhatIsAllowed(String text) {
        assertThatThrownBy(() -> Since.parse(text, NOW, MONTH)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("since ").hasMessageContaining("such as 30m, 24h or 7d, at most 31d back");
    }

    @Test
    void theFutureAndTooFarBackAreRefusedAsSuch() {
        assertThatThrownBy(() -> Since.parse("2026-11-27T00:00:00Z", NOW, MONTH)).hasMessageStartingWith("since is in the future");
        assertThatThrownBy(() -> Since.parse("PT-1H", NOW, MONTH)).hasMessageStartingWith("since is in the future");
        assertThatThrownBy(() -> Since.parse("32d", NOW, MONTH)).hasMessageStartingWith("since reaches too far back");
        assertThatThrownBy(() -> Since.parse("P99999D", NOW, MONTH)).hasMessageStartingWith("since reaches too far back");
        assertThatThrownBy(() -> Since.parse("+999999999-12-31T23:59:59Z", NOW, MONTH)).hasMessageStartingWith("since is in the future");
    }

    @Test
    void theValueSentIsNeverInTheMessage() {
        assertThatThrownBy(() -> Since.parse("zqx-canary", NOW, MONTH)).message().doesNotContain("zqx");
    }
}
