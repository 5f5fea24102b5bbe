package io.sentinel.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @Test
    void readsTheFormsOperatorsWrite() {
        assertThat(Durations.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(Durations.parse("1h30m")).contains(Duration.ofMinutes(90));
        assertThat(Durations.parse(" 7d ")).contains(Duration.ofDays(7));
        assertThat(Durations.parse("0s")).contains(Duration.ZERO);
        assertThat(Durations.parse("0007s")).contains(Duration.ofSeconds(7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "s", "5 minutes", "5M", "-5s", "1.5h", "5s5", "٥s", "1e3s", "5msx"})
    void textsThatAreNotDurationsAreMalformed(String text) {
        Durations.Reading reading = Durations.read(text);

        assertThat(reading.wellFormed()).isFalse();
        assertThat(reading.duration()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999d", "9223372036854775807ms", "9223372036854775808s",
            "99999999999999999999999999999999999999d", "36501d", "36500d1ms", "106751991167301d"})
    void durationsBeyondACenturyAreTooLongAndNeverThrow(String text) {
        Durations.Reading reading = Durations.read(text);

        assertThat(reading.isTooLong()).isTrue();
        assertThat(Durations.parse(text)).isEmpty();
    }

    @Test
    void exactlyTheLongestIsAccepted() {
        assertThat(Durations.parse("36500d")).contains(Durations.LONGEST);
    }

    @Test
    void aVeryLongValueIsScannedWithoutOverflowingTheStack() {
        // Java's regex engine recursed once per part: 5,000 parts overflowed a 256 KiB stack
        assertThat(Durations.parse("1s".repeat(200_000))).contains(Duration.ofSeconds(200_000));
        assertThat(Durations.read("1s".repeat(200_000) + "x").wellFormed()).isFalse();
    }
}
