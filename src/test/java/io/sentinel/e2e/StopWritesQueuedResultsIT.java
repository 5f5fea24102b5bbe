package io.sentinel.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.sentinel.testing.DaemonProcess;
import io.sentinel.testing.StatusView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SIGTERM while a probe is in flight: Camel lets the probe finish, and its result, queued in the result
 * writer's memory as the daemon stops, is written to the database before the database closes: not spooled for
 * the next start, not lost.
 */
class StopWritesQueuedResultsIT {

    @TempDir
    Path workingDirectory;

    private WireMockServer target;

    @BeforeEach
    void startTarget() {
        target = new WireMockServer(options().dynamicPort());
        target.start();
        // slow enough that the stop arrives while the probe waits for its answer
        target.stubFor(get("/health").willReturn(okJson("{}").withFixedDelay(3_000)));
    }

    @AfterEach
    void stopTarget() {
        target.stop();
    }

    @Test
    void aResultQueuedAsTheDaemonStopsIsInTheDatabaseAfterTheRestart() throws Exception {
        Files.createDirectories(workingDirectory.resolve("config"));
        // one probe soon after the start, the next an hour later
        Files.writeString(workingDirectory.resolve("config/sentinel.yaml"), """
                dependencies: [{id: site}]
                checks:
                  - {id: home, dependency: site, kind: http, url: "http://localhost:%d/health", interval: 1h, timeout: 8s}
                """.formatted(target.port()));

        Instant stoppedAt;
        try (DaemonProcess first = DaemonProcess.start(workingDirectory, Map.of())) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> target.findAll(getRequestedFor(urlEqualTo("/health"))).size() == 1);

            assertThat(first.stop()).as("SIGTERM is a clean stop").isZero();
            stoppedAt = Instant.now();
            assertThat(first.log()).contains("Sentinel stopped")
                    .doesNotContain("cannot be written", "saved to", "are lost");
        }
        assertThat(workingDirectory.resolve("data/spool/results.spool.jsonl")).as("written, not spooled")
                .doesNotExist();

        try (DaemonProcess second = DaemonProcess.start(workingDirectory, Map.of())) {
            JsonNode history = StatusView.parse(second.get("/api/checks/home/history").body());
            List<Instant> stored = new ArrayList<>();
            history.path("results").forEach(result -> stored.add(Instant.parse(result.path("startedAt").asText())));
            assertThat(stored).as("the probe the stop waited for").anyMatch(startedAt -> startedAt.isBefore(stoppedAt));
        }
    }
}
