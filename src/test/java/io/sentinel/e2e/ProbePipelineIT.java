package io.sentinel.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.sentinel.testing.DaemonProcess;
import io.sentinel.testing.StatusView;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline, started as {@code java -jar sentinel.jar} against WireMock: probes, thresholds, alert
 * events, storage, the report file and the HTTP API.
 */
class ProbePipelineIT {

    @TempDir
    static Path workingDirectory;

    private static WireMockServer target;
    private static DaemonProcess daemon;

    @BeforeAll
    static void startDaemonAgainstWireMock() throws Exception {
        target = new WireMockServer(options().dynamicPort().containerThreads(100));
        target.start();
        target.stubFor(get("/flaky").willReturn(okJson("{\"status\":\"OK\"}")));
        target.stubFor(get("/slow").willReturn(okJson("{}").withFixedDelay(400)));
        target.stubFor(get("/body").willReturn(okJson("{\"status\":\"DOWN\"}")));
        target.stubFor(get("/hang").willReturn(aResponse().withStatus(200).withFixedDelay(6_000)));

        String base = "http://localhost:" + target.port();
        Files.createDirectories(workingDirectory.resolve("config"));
        Files.writeString(workingDirectory.resolve("config/sentinel.yaml"), """
                defaults:
                  interval: 200ms
                  timeout: 1s
                  failureThreshold: 3
                  successThreshold: 2
                dependencies:
                  - id: frontend
                    # this test watches thresholds, not the breaker: keep it from opening
                    breaker: { window: 100, minimumCalls: 100 }
                  - id: api
                  - id: database
                  - id: cdn
                checks:
                  - id: flaky
                    dependency: frontend
                    kind: http
                    url: %1$s/flaky
                    conditions:
                      - "[STATUS] == 200"
                  - id: slow
                    dependency: api
                    kind: http
                    url: %1$s/slow
                    latencyLimit: 100ms
                  - id: body
                    dependency: database
                    kind: http
                    severity: critical
                    url: %1$s/body
                    conditions:
                      - "[STATUS] == 200"
                      - "[BODY].status == \\"OK\\""
                  - id: hang
                    dependency: cdn
                    kind: http
                    url: %1$s/hang
                """.formatted(base));
        daemon = DaemonProcess.start(workingDirectory, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (daemon != null) {
            daemon.close();
        }
        if (target != null) {
            target.stop();
        }
    }

    @Test
    void aFailingTargetFiresOnceOnTheThirdFailureAndResolvesOnTheSecondGoodProbe() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> StatusView.state(daemon, "flaky").equals("UP"));

        target.stubFor(get("/flaky").willReturn(serverError().withBody("upstream exploded")));
        await().atMost(Duration.ofSeconds(20)).until(() -> StatusView.state(daemon, "flaky").equals("DOWN"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                StatusView.check(daemon, "flaky").path("counters").path("consecutiveFailures").asInt() >= 6);

        assertThat(count(daemon.log(), "FIRING [high] flaky DOWN (HTTP_5XX): 3 failed probes in a row")).isEqualTo(1);
        assertThat(count(daemon.log(), "FIRING [high] flaky")).isEqualTo(1);

        target.stubFor(get("/flaky").willReturn(okJson("{\"status\":\"OK\"}")));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                count(daemon.log(), "RESOLVED [high] flaky UP: 2 good probes in a row; was DOWN for") == 1);
        assertThat(StatusView.state(daemon, "flaky")).isEqualTo("UP");

        // events are recorded in the background: wait until the resolve is in the timeline
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode candidate : StatusView.parse(daemon.get("/api/incidents?kind=alert").body()).path("incidents")) {
                if (candidate.path("subject").asText().equals("flaky") && !candidate.path("open").asBoolean()) {
                    found[0] = candidate;
                    return true;
                }
            }
            return false;
        });
        JsonNode incident = found[0];
        assertThat(incident.path("open").asBoolean()).isFalse();
        JsonNode timeline = StatusView.parse(daemon.get("/api/incidents/" + incident.path("id").asText()).body());
        assertThat(timeline.path("events")).extracting(event -> event.path("status").asText())
                .containsExactly("FIRING", "RESOLVED");
        assertThat(timeline.path("notifications")).allSatisfy(notification ->
                assertThat(notification.has("deliveredAt")).as("delivery time recorded").isTrue());
        assertThat(daemon.get("/api/incidents/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void aSlowResponseMakesTheCheckDegraded() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> StatusView.state(daemon, "slow").equals("DEGRADED"));

        JsonNode last = StatusView.check(daemon, "slow").path("lastResult");
        assertThat(last.path("outcome").asText()).isEqualTo("DEGRADED");
        assertThat(last.path("message").asText()).contains("above the 100ms limit");
    }

    @Test
    void aHealthyStatusWithAFailingBodyConditionIsDownWithConditionClass() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> StatusView.state(daemon, "body").equals("DOWN"));

        JsonNode failed = awaitFirst("body", "DOWN");
        assertThat(failed.path("failureClass").asText()).isEqualTo("CONDITION");
        assertThat(failed.path("httpStatus").asInt()).isEqualTo(200);
        assertThat(failed.path("message").asText()).contains("[BODY].status == \"OK\"").contains("DOWN");
        await().atMost(Duration.ofSeconds(10)).until(() -> daemon.log().contains("FIRING [critical] body DOWN (CONDITION)"));
    }

    /** The stored history, not the last result: once a breaker opens, later results are SHORT_CIRCUITED. */
    private static JsonNode awaitFirst(String checkId, String outcome) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode history = StatusView.parse(daemon.get("/api/checks/" + checkId + "/history?limit=50").body());
            for (JsonNode result : history.path("results")) {
                if (result.path("outcome").asText().equals(outcome)) {
                    found[0] = result;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    @Test
    void aHangingTargetTimesOutWithinTheDeadline() throws Exception {
        JsonNode timedOut = awaitFirst("hang", "DOWN");
        assertThat(timedOut.path("failureClass").asText()).isEqualTo("TIMEOUT");
        assertThat(timedOut.path("latencyMs").asLong()).as("bounded by the 1s deadline, not the 6s delay").isLessThan(5_000);
    }

    @Test
    void historyReturnsTheNewestResultsAndUnknownChecksAre404() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() ->
                StatusView.parse(daemon.get("/api/checks/slow/history?limit=3").body()).path("results").size() == 3);

        HttpResponse<String> unknown = daemon.get("/api/checks/nope/history");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(StatusView.parse(unknown.body()).path("error").asText()).contains("no check with id 'nope'");

        assertThat(daemon.get("/api/checks/slow/history?limit=lots").statusCode()).isEqualTo(400);
    }

    @Test
    void metricsAreExportedForPrometheus() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> daemon.get("/observe/metrics").body()
                .contains("sentinel_probe_results_total{check=\"slow\""));

        String metrics = daemon.get("/observe/metrics").body();
        assertThat(metrics)
                .contains("sentinel_probe_duration_seconds_count{check=\"slow\",dependency=\"api\"}")
                .contains("sentinel_dependency_probe_duration_seconds_bucket{dependency=\"api\",le=\"0.25\"}")
                .contains("sentinel_check_state{check=\"slow\",dependency=\"api\",state=\"DEGRADED\"} 1.0")
                .contains("sentinel_database_ready 1.0")
                .contains("sentinel_breaker_state{dependency=\"api\",state=\"CLOSED\"}")
                .containsPattern("sentinel_probe_results_total\\{check=\"hang\",dependency=\"cdn\",failure_class=\"TIMEOUT\",outcome=\"DOWN\"}");
    }

    @Test
    void everyResultIsAppendedToTheDailyReport() throws Exception {
        Path report = workingDirectory.resolve("reports/monitoring/" + LocalDate.now(ZoneOffset.UTC) + ".jsonl");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(report)
                && Files.readAllLines(report).stream().anyMatch(line -> line.contains("\"checkId\":\"slow\"")));

        String line = Files.readAllLines(report).stream().filter(l -> l.contains("\"checkId\":\"slow\"")).findFirst().orElseThrow();
        JsonNode json = StatusView.parse(line);
        assertThat(json.path("dependency").asText()).isEqualTo("api");
        assertThat(json.has("latencyMs")).isTrue();
    }

    private static long count(String text, String fragment) {
        return Pattern.compile(Pattern.quote(fragment)).matcher(text).results().count();
    }
}
