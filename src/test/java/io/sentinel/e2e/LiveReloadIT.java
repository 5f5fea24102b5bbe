package io.sentinel.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
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

/**
 * Changes while the daemon runs, the way an operator makes them: an edited check is replaced alone (the
 * others keep their schedule, state and counters and never stop being probed), a route file added is picked
 * up, a broken route is refused with its file and line and an alert while probing goes on, and SIGHUP or
 * {@code POST /api/reload} re-read everything on request.
 */
class LiveReloadIT {

    private static final String TOKEN = "reload-token-6f1d2c";

    @TempDir
    Path directory;

    private WireMockServer target;
    private Path configFile;

    @BeforeEach
    void start() throws Exception {
        target = new WireMockServer(options().dynamicPort());
        target.start();
        for (String path : new String[] {"/a", "/b", "/c", "/c2", "/beat"}) {
            target.stubFor(WireMock.get(path).willReturn(okJson("{}")));
        }
        configFile = directory.resolve("config/sentinel.yaml");
        Files.createDirectories(configFile.getParent());
        Files.createDirectories(directory.resolve("routes"));
    }

    @AfterEach
    void stop() {
        target.stop();
    }

    private String config(String pathOfC) {
        return """
                defaults: {interval: 300ms, timeout: 1s}
                dependencies:
                  - id: api
                checks:
                  - {id: a, dependency: api, kind: http, url: "http://localhost:%1$d/a"}
                  - {id: b, dependency: api, kind: http, url: "http://localhost:%1$d/b"}
                  - {id: c, dependency: api, kind: http, url: "http://localhost:%1$d%2$s"}
                """.formatted(target.port(), pathOfC);
    }

    @Test
    void anEditedCheckIsReplacedAloneAndTheOthersKeepProbingWithTheirCounters() throws Exception {
        Files.writeString(configFile, config("/c"));
        try (DaemonProcess daemon = DaemonProcess.start(directory, Map.of("SENTINEL_ADMIN_TOKEN", TOKEN))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> successes(daemon, "a") >= 3 && successes(daemon, "c") >= 1);
            String versionBefore = version(daemon);
            int aBefore = successes(daemon, "a");

            Files.writeString(configFile, config("/c2"));

            await().atMost(Duration.ofSeconds(60)).until(() -> daemon.log().contains("Configuration change applied in place"));
            await().atMost(Duration.ofSeconds(30)).until(() -> target.countRequestsMatching(
                    getRequestedFor(urlEqualTo("/c2")).build()).getCount() >= 2);
            assertThat(daemon.log()).contains("0 check(s) added, 1 edited, 0 removed")
                    .doesNotContain("Configuration changed; restarting");
            assertThat(successes(daemon, "a")).as("a's counter carried on, not reset").isGreaterThan(aBefore);
            assertThat(version(daemon)).isNotEqualTo(versionBefore);
            assertThat(StatusView.check(daemon, "a").path("route").asText()).isEqualTo("probe.http.api");
        }
    }

    @Test
    void aRouteFileAddedAtRunTimeIsPickedUpAndABrokenOneIsRefusedWithAnAlertWhileProbingGoesOn() throws Exception {
        Files.writeString(configFile, config("/c"));
        try (DaemonProcess daemon = DaemonProcess.start(directory, Map.of("SENTINEL_ADMIN_TOKEN", TOKEN))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> successes(daemon, "a") >= 1);

            Files.writeString(directory.resolve("routes/beat.yaml"), """
                    - route:
                        id: beat
                        from:
                          uri: timer:beat?period=200
                          steps:
                            - to: http://localhost:%d/beat
                    """.formatted(target.port()));
            await().atMost(Duration.ofSeconds(60)).until(() -> target.countRequestsMatching(
                    getRequestedFor(urlEqualTo("/beat")).build()).getCount() >= 2);

            Files.writeString(directory.resolve("routes/broken.yaml"), """
                    - route:
                        id: broken
                        from:
                          uri: timer:broken
                          steps:
                            - bean:
                                ref: noSuchBean
                                method: go
                    """);
            await().atMost(Duration.ofSeconds(60)).until(() -> daemon.log().contains("Configuration change refused"));
            assertThat(daemon.log()).contains("broken.yaml:6: no bean is named 'noSuchBean'");
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    daemon.log().contains("FIRING [medium] sentinel-configuration DEGRADED"));
            JsonNode refused = StatusView.parse(daemon.get("/api/status").body()).path("configuration").path("lastRefused");
            assertThat(refused.path("problems").get(0).asText()).contains("broken.yaml:6: no bean is named 'noSuchBean'");
            int aAfterRefusal = successes(daemon, "a");
            await().atMost(Duration.ofSeconds(30)).until(() -> successes(daemon, "a") > aAfterRefusal);
            assertThat(daemon.isAlive()).isTrue();

            var refusedByApi = daemon.post("/api/reload", "", Map.of("Authorization", "Bearer " + TOKEN));
            assertThat(refusedByApi.statusCode()).isEqualTo(422);
            assertThat(refusedByApi.body()).contains("noSuchBean");
            assertThat(daemon.post("/api/reload", "", Map.of()).statusCode()).isEqualTo(401);

            Files.delete(directory.resolve("routes/broken.yaml"));
            await().atMost(Duration.ofSeconds(60)).until(() -> daemon.log().contains("RESOLVED [medium] sentinel-configuration"));
            var applied = daemon.post("/api/reload", "", Map.of("Authorization", "Bearer " + TOKEN));
            assertThat(applied.statusCode()).isEqualTo(200);
            assertThat(applied.body()).contains("\"result\":\"APPLIED\"");
        }
    }

    @Test
    void sighupReadsTheConfigurationAgain() throws Exception {
        Files.writeString(configFile, config("/c"));
        try (DaemonProcess daemon = DaemonProcess.start(directory, Map.of())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> successes(daemon, "a") >= 1);
            long applied = daemon.log().lines().filter(line -> line.contains("applied in place")).count();

            new ProcessBuilder("kill", "-HUP", String.valueOf(daemon.pid())).start().waitFor();

            await().atMost(Duration.ofSeconds(30)).until(() ->
                    daemon.log().lines().filter(line -> line.contains("applied in place")).count() > applied);
            assertThat(daemon.isAlive()).isTrue();
        }
    }

    @Test
    void aDaemonStartedUnderNohupSaysThatSighupDoesNotReloadIt() throws Exception {
        Files.writeString(configFile, config("/c"));
        try (DaemonProcess daemon = DaemonProcess.startUnderNohup(directory, Map.of())) {
            assertThat(daemon.log()).contains("SIGHUP is ignored in this process");
            assertThat(daemon.isAlive()).isTrue();
        }
    }

    private static int successes(DaemonProcess daemon, String check) throws Exception {
        try {
            return StatusView.check(daemon, check).path("counters").path("consecutiveSuccesses").asInt();
        } catch (Exception | AssertionError notYet) {
            return 0;
        }
    }

    private static String version(DaemonProcess daemon) throws Exception {
        return StatusView.parse(daemon.get("/api/status").body()).path("configuration").path("inForce").path("version").asText();
    }
}
