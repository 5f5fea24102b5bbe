package io.sentinel.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.sentinel.testing.DaemonProcess;
import io.sentinel.testing.StatusView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon as users run it, its configuration edited live with what once stopped the watcher for good:
 * an overflowing duration, 5,000 brackets, a binary file. Each is refused, and the good edit after them is
 * still applied.
 */
class LiveConfigEditIT {

    private static final String SECRET = "sk-live-live-edit-9a8b7c6d5e4f";

    @TempDir
    Path directory;

    private WireMockServer target;
    private Path file;

    @BeforeEach
    void start() {
        target = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
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
                    url: http://127.0.0.1:%d/health
                %s""".formatted(checkId, target.port(), extra);
    }

    /** As editors save: a new file moved over the old one. */
    private void save(byte[] content) throws Exception {
        Path next = file.resolveSibling("sentinel.yaml.new");
        Files.write(next, content);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void badEditsAreRefusedWithoutAStackTraceAndAGoodEditAfterThemIsApplied() throws Exception {
        file = directory.resolve("config/sentinel.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, config("first", ""));
        try (DaemonProcess daemon = DaemonProcess.start(directory, Map.of("SECRET_VAR", SECRET))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> StatusView.state(daemon, "first").equals("UP"));

            save(config("second", "    interval: 99999999999999999999d\n    severity: ${SECRET_VAR}\n").getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(30)).until(() -> daemon.log().contains("'interval' is 99999999999999999999d, above the maximum"));
            save(("checks: " + "[".repeat(5000) + "]".repeat(5000) + "\n").getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(30)).until(() -> daemon.log().contains("nests more than 50 levels deep"));
            save(new byte[] {(byte) 0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0});
            await().atMost(Duration.ofSeconds(30)).until(() -> daemon.log().contains("binary file"));
            assertThat(StatusView.state(daemon, "first")).as("still running the previous configuration").isEqualTo("UP");

            save(config("second", "").getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                try {
                    return StatusView.state(daemon, "second").equals("UP");
                } catch (Exception | AssertionError notYet) {
                    return false;
                }
            });
            assertThat(daemon.isAlive()).isTrue();
            assertThat(daemon.log()).contains("'severity' cannot be '${SECRET_VAR}'").doesNotContain(SECRET)
                    .doesNotContain("\tat org.snakeyaml").doesNotContain("\tat io.sentinel.config").doesNotContain("\tat io.sentinel.cli");
            assertThat(daemon.log().lines().filter(line -> line.contains("Supervisor")))
                    .noneMatch(line -> line.contains("Exception") || line.contains("Error:"));
        }
    }
}
