package io.sentinel.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.sentinel.testing.DaemonProcess;
import io.sentinel.testing.SlackAlertsConfig;
import io.sentinel.testing.SlackKeys;
import io.sentinel.testing.StatusView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sentinel loses the network (its connectivity check and every dependency fail at once), then gets it back:
 * the dependencies' checks become UNKNOWN rather than DOWN, one "Sentinel lost connectivity" alert goes out and
 * is resolved, and nothing about the dependencies follows: no stale alerts once the network is back.
 */
class ConnectivityLossIT {

    private static final int CHECKS = 3;

    @TempDir
    Path directory;

    private WireMockServer target;
    private WireMockServer slack;

    @BeforeEach
    void start() throws Exception {
        target = new WireMockServer(options().dynamicPort());
        target.start();
        network(true);
        slack = new WireMockServer(options().dynamicPort());
        slack.start();
        slack.stubFor(post("/hook").willReturn(aResponse().withStatus(200).withBody("ok")));
        StringBuilder yaml = new StringBuilder("""
                defaults: {interval: 300ms, timeout: 1s, failureThreshold: 3, successThreshold: 1}
                dependencies:
                  - id: internet
                  - id: api
                    breaker: {window: 1000, minimumCalls: 1000}
                checks:
                  - {id: generate-204, dependency: internet, kind: http, severity: high, interval: 150ms,
                     failureThreshold: 2, url: "http://localhost:%1$d/generate_204"}
                """.formatted(target.port()));
        for (int i = 0; i < CHECKS; i++) {
            yaml.append("  - {id: api-%d, dependency: api, kind: http, severity: critical, url: \"http://localhost:%d/api/%d\"}\n"
                    .formatted(i, target.port(), i));
        }
        yaml.append("connectivity: [generate-204]\n").append(SlackAlertsConfig.alertsTo(slack.port()));
        SlackAlertsConfig.write(directory, yaml.toString());
    }

    @AfterEach
    void stop() {
        target.stop();
        slack.stop();
    }

    @Test
    void lostConnectivityIsOneAlertTheOtherChecksAreUnknownAndItsReturnBringsNoStaleAlerts() throws Exception {
        try (DaemonProcess daemon = DaemonProcess.start(directory, Map.of())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> summary(daemon).path("UP").asInt() == 1 + CHECKS);

            network(false);
            await().atMost(Duration.ofSeconds(30)).until(() -> summary(daemon).path("UNKNOWN").asInt() == CHECKS);
            await().atMost(Duration.ofSeconds(30)).until(() -> !keys().isEmpty());
            Thread.sleep(2_000);

            assertThat(summary(daemon).path("DOWN").asInt()).as("only the connectivity check is DOWN").isEqualTo(1);
            JsonNode api = StatusView.check(daemon, "api-0");
            assertThat(api.path("state").asText()).isEqualTo("UNKNOWN");
            assertThat(api.path("lastResult").path("outcome").asText()).isEqualTo("SKIPPED");
            assertThat(api.path("lastResult").path("message").asText()).startsWith("Sentinel lost connectivity: ");
            assertThat(keys()).singleElement().asString().startsWith("connectivity@").contains("/FIRING-DOWN/");
            assertThat(bodies()).singleElement().asString().contains("Sentinel lost connectivity: all 1 connectivity check(s) fail");

            network(true);
            await().atMost(Duration.ofSeconds(30)).until(() -> summary(daemon).path("UP").asInt() == 1 + CHECKS);
            await().atMost(Duration.ofSeconds(30)).until(() -> keys().size() == 2);
            Thread.sleep(3_000);

            assertThat(keys()).as("lost and back, nothing about the dependencies").hasSize(2)
                    .allMatch(key -> key.startsWith("connectivity@"));
            assertThat(keys().get(1)).contains("/RESOLVED-UP/");
        }
    }

    private void network(boolean up) {
        target.stubFor(get("/generate_204").willReturn(up ? aResponse().withStatus(204) : serverError()));
        target.stubFor(get(urlPathMatching("/api/.*")).willReturn(up ? okJson("{}") : serverError()));
    }

    private static JsonNode summary(DaemonProcess daemon) throws Exception {
        return StatusView.parse(daemon.get("/api/status").body()).path("summary");
    }

    private List<String> bodies() {
        return slack.getAllServeEvents().stream().filter(event -> event.getResponse().getStatus() == 200)
                .sorted(java.util.Comparator.comparing(event -> event.getRequest().getLoggedDate()))
                .map(event -> event.getRequest().getBodyAsString()).toList();
    }

    private List<String> keys() {
        return bodies().stream().flatMap(body -> SlackKeys.in(body).stream()).toList();
    }
}
