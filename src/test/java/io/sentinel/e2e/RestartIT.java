package io.sentinel.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.sentinel.testing.DaemonProcess;
import io.sentinel.testing.PostgresSchemas;
import io.sentinel.testing.StatusView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** A restart in the middle of an incident continues it: same state, no second FIRING, then one RESOLVED. */
class RestartIT {

    @TempDir
    Path workingDirectory;

    private WireMockServer target;

    @BeforeEach
    void startTarget() {
        target = new WireMockServer(options().dynamicPort());
        target.start();
        target.stubFor(get("/health").willReturn(serverError()));
    }

    @AfterEach
    void stopTarget() {
        target.stop();
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aRestartMidIncidentKeepsTheStateAndDoesNotFireAgain(String database) throws Exception {
        String storage = database.equals("h2") ? "" : """
                storage:
                  url: %s
                """.formatted(PostgresSchemas.fresh("restart_it"));
        Files.createDirectories(workingDirectory.resolve("config"));
        Files.writeString(workingDirectory.resolve("config/sentinel.yaml"), storage + """
                defaults:
                  interval: 200ms
                  timeout: 1s
                dependencies:
                  - id: api
                    breaker: { window: 100, minimumCalls: 100 }
                checks:
                  - id: api-health
                    dependency: api
                    kind: http
                    url: http://localhost:%d/health
                """.formatted(target.port()));

        String firstLog;
        try (DaemonProcess first = DaemonProcess.start(workingDirectory, Map.of())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> count(first.log(), "FIRING [high] api-health DOWN") == 1);
            assertThat(StatusView.state(first, "api-health")).isEqualTo("DOWN");
            assertThat(first.stop()).as("a SIGTERM is a clean exit").isIn(0, 143);
            firstLog = first.log();
        }

        try (DaemonProcess second = DaemonProcess.start(workingDirectory, Map.of())) {
            assertThat(StatusView.state(second, "api-health"))
                    .as("restored before any new probe; first run:%n%s%nsecond run:%n%s", firstLog, second.log())
                    .isEqualTo("DOWN");
            int failuresAtStart = StatusView.check(second, "api-health").path("counters").path("consecutiveFailures").asInt();
            assertThat(failuresAtStart).isGreaterThanOrEqualTo(3);
            try {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(StatusView.check(second, "api-health")
                        .path("counters").path("consecutiveFailures").asInt())
                        .as("probes go on after the restart; second run:%n%s", second.log())
                        .isGreaterThanOrEqualTo(failuresAtStart + 3));
            } catch (ConditionTimeoutException stuck) {
                // the log says nothing when a probe hangs: where the threads stand does
                throw new AssertionError(stuck.getMessage() + "\nthe daemon's threads:\n" + second.threadDump(), stuck);
            }
            assertThat(count(second.log(), "FIRING")).as("no second FIRING for the same outage").isZero();

            target.stubFor(get("/health").willReturn(okJson("{}")));
            await().atMost(Duration.ofSeconds(60)).until(() -> count(second.log(), "RESOLVED [high] api-health UP") == 1);
            assertThat(StatusView.state(second, "api-health")).isEqualTo("UP");
        }
    }

    private static long count(String text, String fragment) {
        return Pattern.compile(Pattern.quote(fragment)).matcher(text).results().count();
    }
}
