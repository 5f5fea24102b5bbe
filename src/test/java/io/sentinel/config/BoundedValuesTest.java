package io.sentinel.config;

import static io.sentinel.config.ConfigTexts.MINIMAL;
import static io.sentinel.config.ConfigTexts.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every number and duration is read with its range: whatever the text, the answer is a value the daemon can
 * use or one problem at the value's position saying what is allowed, never an exception.
 */
class BoundedValuesTest {

    private static final String CHECK_VALUE_AT = "sentinel.yaml:8:";

    private static String check(String line) {
        return MINIMAL + "    " + line + "\n";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            interval: 99999999999999d         | 'interval' is 99999999999999d, above the maximum — use at most 7d
            interval: 9999999999999999999999d | 'interval' is 9999999999999999999999d, above the maximum — use at most 7d
            interval: 106751991167301d        | 'interval' is 106751991167301d, above the maximum — use at most 7d
            interval: 8d                      | 'interval' is 8d, above the maximum — use at most 7d
            interval: 50ms                    | 'interval' is 50ms, below the minimum — use at least 100ms
            interval: 0s                      | 'interval' must be longer than zero — use at least 100ms
            interval: -5s                     | 'interval' is not a duration: '-5s' — write a duration like 500ms, 30s, 5m, 1h or 1h30m, from 100ms to 7d
            timeout: 11m                      | 'timeout' is 11m, above the maximum — use at most 10m
            latencyLimit: 1h                  | 'latencyLimit' is 1h, above the maximum — use at most 10m
            latencyLimit: 0ms                 | 'latencyLimit' must be longer than zero — use at least 1ms
            failureThreshold: 0               | 'failureThreshold' must be greater than zero, got 0 — use a whole number from 1 to 1000
            failureThreshold: -0              | 'failureThreshold' must be greater than zero, got -0 — use a whole number from 1 to 1000
            failureThreshold: 1001            | 'failureThreshold' must be at most 1000, got 1001 — use a whole number from 1 to 1000
            failureThreshold: 2147483648      | 'failureThreshold' must be at most 1000, got 2147483648 — use a whole number from 1 to 1000
            failureThreshold: 99999999999999999999999 | 'failureThreshold' must be at most 1000, got 99999999999999999999999 — use a whole number from 1 to 1000
            successThreshold: -9223372036854775809 | 'successThreshold' must be greater than zero, got -9223372036854775809 — use a whole number from 1 to 1000
            successThreshold: 1.5             | 'successThreshold' must be a whole number, got '1.5' — for example successThreshold: 2 (from 1 to 1000)
            successThreshold: 1e3             | 'successThreshold' must be a whole number, got '1e3' — for example successThreshold: 2 (from 1 to 1000)
            successThreshold: 0x10            | 'successThreshold' must be a whole number, got '0x10' — for example successThreshold: 2 (from 1 to 1000)
            costPerCall: -0.01                | 'costPerCall' cannot be negative, got -0.01 — US dollars per probe, e.g. costPerCall: 0.015; from 0 to 1000
            costPerCall: 1e309                | 'costPerCall' must be at most 1000, got 1e309 — US dollars per probe, e.g. costPerCall: 0.015; from 0 to 1000
            costPerCall: NaN                  | 'costPerCall' must be a number, got 'NaN' — US dollars per probe, e.g. costPerCall: 0.015
            costPerCall: Infinity             | 'costPerCall' must be a number, got 'Infinity' — US dollars per probe, e.g. costPerCall: 0.015
            costPerCall: -Infinity            | 'costPerCall' must be a number, got '-Infinity' — US dollars per probe, e.g. costPerCall: 0.015
            costPerCall: 1d                   | 'costPerCall' must be a number, got '1d' — US dollars per probe, e.g. costPerCall: 0.015
            costPerCall: 0x1p3                | 'costPerCall' must be a number, got '0x1p3' — US dollars per probe, e.g. costPerCall: 0.015
            """)
    void aValueOutsideItsRangeIsOneProblemSayingWhatIsAllowed(String line, String expected) {
        assertThat(problems(check(line))).containsExactly(CHECK_VALUE_AT + (line.indexOf(':') + 7) + ": " + expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0", "0", "0.0", "1e-400", "+0.5", "1000"})
    void edgeValuesInsideTheRangeAreAccepted(String cost) throws InvalidConfigException {
        double read = ConfigTexts.load(check("costPerCall: " + cost), Map.of()).check("home").orElseThrow().costPerCall().orElseThrow();

        assertThat(read).isBetween(0.0, 1000.0);
        assertThat(Double.doubleToRawLongBits(read)).as("never negative zero").isNotEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void aHugeIntegerWithThousandsOfDigitsIsOutOfRangeNotAnError() {
        String digits = "9".repeat(100_000);

        assertThat(problems(check("failureThreshold: " + digits))).singleElement().asString()
                .startsWith(CHECK_VALUE_AT + "23: 'failureThreshold' must be at most 1000, got 9999")
                .hasSizeLessThan(400);
    }

    @Test
    void aHugeDecimalIsOutOfRangeNotAnError() {
        assertThat(problems(check("costPerCall: " + "9".repeat(50_000) + ".5"))).singleElement().asString()
                .contains("'costPerCall' must be at most 1000, got 9999");
    }

    @Test
    void aLongFractionIsReadAsTheSmallNumberItIs() throws InvalidConfigException {
        SentinelConfig config = ConfigTexts.load(check("costPerCall: 0." + "0".repeat(50_000) + "1"), Map.of());

        assertThat(config.check("home").orElseThrow().costPerCall()).contains(0.0);
        assertThat(problems(check("costPerCall: " + "9".repeat(50_000)))).singleElement().asString()
                .contains("'costPerCall' must be at most 1000, got 9999");
    }

    @Test
    void portsThreadsPercentagesAndBudgetsHaveTheirRanges() {
        assertThat(problems("""
                server:
                  port: 0
                  probeThreads: 100000
                storage:
                  retention: 99999999999999999d
                defaults:
                  interval: 8d
                dependencies:
                  - id: api
                    dailyBudget: 1e12
                    breaker: {window: 99999999999, failureRate: NaN, slowCallRate: -0, slowCall: 1h, waitInOpen: 2d, halfOpenTrials: 101}
                checks:
                  - id: home
                    dependency: api
                    kind: http
                    url: https://api.example.com/health
                alerts:
                  reminderInterval: 30d
                  channels:
                    - {id: mail, type: email, host: smtp.example.com, port: 65536, from: a@example.com, to: [b@example.com], timeout: 1h}
                """)).containsExactlyInAnyOrder(
                "sentinel.yaml:2:9: 'port' must be between 1 and 65535, got 0 — pick a value in that range",
                "sentinel.yaml:3:17: 'probeThreads' must be between 1 and 512, got 100000 — pick a value in that range",
                "sentinel.yaml:5:14: 'retention' is 99999999999999999d, above the maximum — use at most 3650d",
                "sentinel.yaml:7:13: 'interval' is 8d, above the maximum — use at most 7d",
                "sentinel.yaml:10:18: 'dailyBudget' must be at most 100000, got 1e12 — US dollars per UTC day, e.g. dailyBudget: 1.50; from 0 to 100000",
                "sentinel.yaml:11:23: 'window' must be between 1 and 1000, got 99999999999 — pick a value in that range",
                "sentinel.yaml:11:49: 'failureRate' must be a percentage above 0 and at most 100, got 'NaN' — for example failureRate: 50",
                "sentinel.yaml:11:68: 'slowCallRate' must be a percentage above 0 and at most 100, got -0 — for example slowCallRate: 50",
                "sentinel.yaml:11:82: 'slowCall' is 1h, above the maximum — use at most 10m",
                "sentinel.yaml:11:98: 'waitInOpen' is 2d, above the maximum — use at most 1d",
                "sentinel.yaml:11:118: 'halfOpenTrials' must be between 1 and 100, got 101 — pick a value in that range",
                "sentinel.yaml:18:21: 'reminderInterval' is 30d, above the maximum — use at most 7d",
                "sentinel.yaml:20:61: 'port' must be between 1 and 65535, got 65536 — pick a value in that range",
                "sentinel.yaml:20:119: 'timeout' is 1h, above the maximum — use at most 5m");
    }

    @Test
    void ruleLimitsWindowsAndHorizonsHaveTheirRanges() {
        assertThat(problems(check("rules: [{reading: credits.remaining, limit: \"< 1e13\"}, {reading: credits.remaining,"
                + " exhaustsWithin: 400d}, {errorRate: \"> 5% over 8d\", for: 8d}]")))
                .containsExactly(
                        "sentinel.yaml:8:49: 'limit number' must be at most 1000000000000, got 1e13 — e.g. limit: \"< 100\";"
                                + " from -1000000000000 to 1000000000000",
                        "sentinel.yaml:8:105: 'exhaustsWithin' is 400d, above the maximum — use at most 365d",
                        "sentinel.yaml:8:145: 'for' is 8d, above the maximum — use at most 7d",
                        "sentinel.yaml:8:124: 'errorRate window' is 8d, above the maximum — use at most 7d");
    }

    @Test
    void aPortOverrideFromTheEnvironmentThatIsNoPortIsAProblemNotIgnored() {
        assertThat(problems(MINIMAL, Map.of(ConfigLoader.PORT_VARIABLE, "99999")))
                .containsExactly("sentinel.yaml:1:1: environment variable SENTINEL_HTTP_PORT is not a port number"
                        + " — set it to a whole number from 1 to 65535, or unset it to use server.port");
    }

    @Test
    void aHostTheServerCouldNeverBindIsRefused() {
        assertThat(problems("server: {host: \"local host\\a\"}\n" + MINIMAL))
                .containsExactly("sentinel.yaml:1:16: 'host' is not a host name or IP address: 'local host\\u0007'"
                        + " — use 0.0.0.0 (every interface), 127.0.0.1 (this machine only) or a host name");
    }

    @Test
    void theEdgesOfEachRangeAreAccepted() throws InvalidConfigException {
        SentinelConfig config = ConfigTexts.load("""
                server: {port: 65535, probeThreads: 512, host: "::"}
                storage: {retention: 3650d}
                dependencies:
                  - id: api
                    breaker: {window: 1000, minimumCalls: 1000, failureRate: 100, slowCall: 10m, waitInOpen: 1d, halfOpenTrials: 100}
                checks:
                  - id: home
                    dependency: api
                    kind: http
                    url: https://api.example.com/health
                    interval: 7d
                    timeout: 10m
                    failureThreshold: 1000
                    latencyLimit: 10m
                """, Map.of());

        CheckConfig home = config.check("home").orElseThrow();
        assertThat(home.interval()).isEqualTo(Duration.ofDays(7));
        assertThat(home.interval().toMillis()).isPositive();
        assertThat(config.storage().retention()).isEqualTo(Duration.ofDays(3650));
        assertThat(config.server().port()).isEqualTo(65535);
    }
}
