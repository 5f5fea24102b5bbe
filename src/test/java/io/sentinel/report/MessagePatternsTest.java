package io.sentinel.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessagePatternsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "no complete response within 10s                     | no complete response within {n}s",
            "HTTP 503: upstream connect error                   | HTTP 503: upstream connect error",
            "HTTP 546 WORKER_LIMIT after 150.5 ms               | HTTP 546 WORKER_LIMIT after {n} ms",
            "request 6f0c2a9e-1c4b-4d3a-9f1e-2b7c8d9e0a1b failed | request {id} failed",
            "req_8f7a6b5c4d3e timed out                          | {id} timed out",
            "rate limited until 2026-11-26T09:15:00.123Z         | rate limited until {time}",
            "GET /auth/v1/health refused by 10.0.0.5:5432        | GET /auth/v1/health refused by 10.0.0.5:{n}",
            "'  two   spaces\tand a tab  '                       | two spaces and a tab",
            "HTTP_5XX from places.searchText                     | HTTP_5XX from places.searchText",
            "''                                                  | (no message)"})
    void whatVariesFromProbeToProbeIsTakenOut(String message, String pattern) {
        assertThat(MessagePatterns.of(message)).isEqualTo(pattern);
    }

    @org.junit.jupiter.api.Test
    void longMessagesAreCut() {
        assertThat(MessagePatterns.of("x".repeat(600))).hasSize(MessagePatterns.MAX_LENGTH).endsWith("…");
    }
}
