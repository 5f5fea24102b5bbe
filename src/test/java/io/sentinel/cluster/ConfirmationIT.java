package io.sentinel.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.sentinel.testing.ClusterNodes;
import io.sentinel.testing.PostgresSchemas;
import io.sentinel.testing.SlackAlertsConfig;
import io.sentinel.testing.SlackKeys;
import io.sentinel.testing.StatusView;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Sentinels at eu-1 and us-1 probe a target through a path of their own location, so the target can fail for one
 * location only: that is a lower "location us-1 cannot reach" signal, never DOWN; DOWN needs both.
 */
class ConfirmationIT {

    @TempDir
    Path directory;

    private WireMockServer target;
    private WireMockServer slack;

    @BeforeEach
    void start() {
        target = new WireMockServer(options().dynamicPort());
        target.start();
        target.stubFor(get("/eu-1/health").willReturn(ok("fine")));
        target.stubFor(get("/us-1/health").willReturn(serverError()));
        target.stubFor(get("/eu-1/other").willReturn(ok("fine")));
        target.stubFor(get("/us-1/other").willReturn(ok("fine")));
        slack = new WireMockServer(options().dynamicPort());
        slack.start();
        slack.stubFor(post("/hook").willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    @AfterEach
    void stop() {
        target.stop();
        slack.stop();
    }

    @Test
    void aFailureFromOneLocationIsASignalAndFromBothAnOutage() throws Exception {
        try (ClusterNodes cluster = new ClusterNodes(directory, PostgresSchemas.fresh("ha_confirm"))) {
            String yaml = cluster.config("""
                    defaults: {interval: 300ms, timeout: 1s, failureThreshold: 2, successThreshold: 2}
                    dependencies:
                      - id: web
                        breaker: {window: 1000, minimumCalls: 1000}
                    checks:
                      - {id: home, dependency: web, kind: http, severity: critical,
                         url: "http://localhost:%1$d/${SENTINEL_LOCATION}/health"}
                      - {id: other, dependency: web, kind: http, url: "http://localhost:%1$d/${SENTINEL_LOCATION}/other"}
                    """.formatted(target.port()) + SlackAlertsConfig.alertsTo(slack.port()));
            cluster.start("eu-1", yaml);
            cluster.start("us-1", yaml);
            ClusterNodes.Node leader = cluster.awaitLeader(Duration.ofSeconds(60));
            ClusterNodes.Node follower = cluster.nodes().stream().filter(node -> node != leader).findFirst().orElseThrow();

            await().atMost(Duration.ofSeconds(60)).until(() -> delivered().stream()
                    .anyMatch(key -> key.startsWith("location:us-1:home@") && key.contains("/FIRING-DEGRADED/")));
            Thread.sleep(3_000);
            assertThat(delivered()).as("one location is not an outage: " + cluster.logs())
                    .noneMatch(key -> key.startsWith("home@"));
            assertThat(bodies()).anyMatch(body -> body.contains("location us-1 cannot reach home"));
            JsonNode status = StatusView.parse(follower.daemon().get("/api/status").body());
            assertThat(status.path("cluster").path("members")).hasSize(2);
            assertThat(status.path("cluster").path("leads").asBoolean()).isFalse();
            assertThat(status.path("cluster").path("leader").asText()).startsWith(leader.location() + "-");
            JsonNode home = StatusView.check(follower.daemon(), "home");
            assertThat(home.path("state").asText()).as("decided by the leader").isEqualTo("UP");
            assertThat(home.path("locations").path("us-1").path("state").asText()).isEqualTo("DOWN");
            assertThat(home.path("locations").path("us-1").path("lastResult").path("outcome").asText()).isEqualTo("DOWN");
            assertThat(home.path("locations").path("eu-1").path("lastResult").path("outcome").asText()).isEqualTo("UP");
            assertThat(leader.daemon().get("/observe/metrics").body()).contains("sentinel_cluster_leader 1.0")
                    .contains("sentinel_location_checks_down{location=\"us-1\"} 1.0");
            assertThat(follower.daemon().get("/observe/metrics").body()).contains("sentinel_cluster_leader 0.0")
                    .contains("sentinel_cluster_members 2.0");

            target.stubFor(get("/eu-1/health").willReturn(serverError()));
            await().atMost(Duration.ofSeconds(60)).until(() -> delivered().stream()
                    .anyMatch(key -> key.startsWith("home@") && key.contains("/FIRING-DOWN/")));
            assertThat(bodies()).anyMatch(body -> body.contains("DOWN from 2 of 2 locations"));

            target.stubFor(get("/eu-1/health").willReturn(ok("fine")));
            target.stubFor(get("/us-1/health").willReturn(ok("fine")));
            await().atMost(Duration.ofSeconds(60)).until(() -> delivered().stream()
                    .anyMatch(key -> key.startsWith("home@") && key.contains("/RESOLVED-")));
            Thread.sleep(2_000);

            Map<String, Long> deliveries = delivered().stream().collect(Collectors.groupingBy(Function.identity(),
                    Collectors.counting()));
            assertThat(deliveries).as(cluster.logs()).allSatisfy((key, times) -> assertThat(times).as(key).isEqualTo(1L));
            assertThat(deliveries.keySet()).noneMatch(key -> key.startsWith("location-network:"));
        }
    }

    private List<String> delivered() {
        return slack.getAllServeEvents().stream().filter(event -> event.getResponse().getStatus() == 200)
                .flatMap(event -> SlackKeys.in(event.getRequest().getBodyAsString()).stream()).toList();
    }

    private List<String> bodies() {
        return slack.getAllServeEvents().stream().map(event -> event.getRequest().getBodyAsString()).toList();
    }
}
