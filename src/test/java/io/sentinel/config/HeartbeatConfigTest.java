package io.sentinel.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sentinel.daemon.BuiltInKinds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeartbeatConfigTest {

    private static final String CHECKS = """
            dependencies:
              - id: web
            checks:
              - {id: home, dependency: web, kind: http, url: "https://example.com/"}
            """;
    private static final String PING = "https://hc-ping.com/0b7f6c1e-2d4a-4e8f-9c3b-5a1d7e9f2c60";

    @Test
    void withoutTheSectionThereIsNoHeartbeat() throws Exception {
        assertThat(load(CHECKS, Map.of()).heartbeat().isEnabled()).isFalse();
    }

    @Test
    void anEmptyVariableTurnsItOffAndTheIntervalDefaultsToAMinute() throws Exception {
        HeartbeatConfig heartbeat = load(CHECKS + "heartbeat:\n  url: ${SENTINEL_HEARTBEAT_URL:}\n", Map.of()).heartbeat();

        assertThat(heartbeat.isEnabled()).isFalse();
        assertThat(heartbeat.interval()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void theUrlComesFromTheEnvironmentAsASecret() throws Exception {
        HeartbeatConfig heartbeat = load(CHECKS + "heartbeat:\n  url: ${SENTINEL_HEARTBEAT_URL}\n  interval: 30s\n",
                Map.of("SENTINEL_HEARTBEAT_URL", PING)).heartbeat();

        assertThat(heartbeat.isEnabled()).isTrue();
        assertThat(heartbeat.url().value()).isEqualTo(PING);
        assertThat(heartbeat.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(heartbeat.toString()).doesNotContain("0b7f6c1e");
    }

    @Test
    void aUrlThatIsNotHttpIsRefusedWithoutQuotingIt() {
        List<String> problems = problems(CHECKS + "heartbeat:\n  url: ${SENTINEL_HEARTBEAT_URL}\n",
                Map.of("SENTINEL_HEARTBEAT_URL", "hc-ping.com/0b7f6c1e-2d4a-4e8f-9c3b-5a1d7e9f2c60"));

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith("sentinel.yaml:6:8: heartbeat 'url' is not an absolute http or https URL")
                .doesNotContain("0b7f6c1e");
    }

    @Test
    void anIntervalOutsideOneSecondToAnHourIsRefused() {
        assertThat(problems(CHECKS + "heartbeat:\n  url: " + PING + "\n  interval: 2h\n", Map.of()))
                .singleElement().asString().contains("'interval'").contains("1h");
    }

    private static SentinelConfig load(String yaml, Map<String, String> environment) throws InvalidConfigException {
        return new ConfigLoader(BuiltInKinds.index(), environment::get).parse(Path.of("sentinel.yaml"), yaml);
    }

    private static List<String> problems(String yaml, Map<String, String> environment) {
        InvalidConfigException invalid = catchThrowableOfType(InvalidConfigException.class, () -> load(yaml, environment));
        assertThat(invalid).as("the configuration should have been rejected").isNotNull();
        return invalid.problems().stream().map(ConfigProblem::format).toList();
    }
}
