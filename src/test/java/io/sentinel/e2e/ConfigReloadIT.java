package io.sentinel.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.sentinel.testing.DaemonProcess;
import io.sentinel.testing.StatusView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing config/sentinel.yaml while the daemon runs: a wrong change is refused, a good one applied. */
class ConfigReloadIT {

    @TempDir
    Path directory;

    private WireMockServer target;

    @BeforeEach
    void start() {
        target = new WireMockServer(options().dynamicPort());
        target.start();
        target.stubFor(get("/health").willReturn(okJson("{}")));
    }

    @AfterEach
    void stop() {
        target.stop();
    }

    private String config(String checkId, String extra) {
        return """
                defaults: {interval: 300ms, timeout: 1s}
                dependencies:
                  - id: api
                checks:
                  - id: %s
                    dependency: api
                    kind: http
                    url: http://localhost:%d/health
                %s""".formatted(checkId, target.port(), extra);
    }

    @Test
    void aWrongChangeIsRefusedWithItsLineAndTheOldConfigKeepsRunningThenAGoodOneIsApplied() throws Exception {
        Path file = directory.resolve("config/sentinel.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, config("first", ""));
        try (DaemonProcess daemon = DaemonProcess.start(directory, Map.of())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> StatusView.state(daemon, "first").equals("UP"));

            Files.writeString(file, config("second", "    intervall: 5s\n"));
            await().atMost(Duration.ofSeconds(60)).until(() -> daemon.log().contains("Configuration change refused"));
            assertThat(daemon.log()).contains("sentinel.yaml:9:5: unknown key 'intervall' in checks[0] — did you mean 'interval'?");
            assertThat(StatusView.state(daemon, "first")).as("still running the previous configuration").isEqualTo("UP");

            Files.writeString(file, config("second", ""));
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                try {
                    return StatusView.state(daemon, "second").equals("UP");
                } catch (Exception | AssertionError notYet) {
                    return false;
                }
            });
            assertThat(daemon.get("/api/checks/first").statusCode()).isEqualTo(404);
        }
    }
}
