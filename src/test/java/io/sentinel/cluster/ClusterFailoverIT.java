package io.sentinel.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.sentinel.testing.ClusterNodes;
import io.sentinel.testing.PostgresSchemas;
import io.sentinel.testing.SlackAlertsConfig;
import io.sentinel.testing.SlackKeys;
import io.sentinel.testing.StatusView;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Sentinels at two locations sharing PostgreSQL, elected by the file cluster service: one leads; kill -9 of the
 * leader while its notifications cannot be delivered, and the other takes over and delivers each of them once.
 */
class ClusterFailoverIT {

    @TempDir
    Path directory;

    private WireMockServer target;
    private WireMockServer slack;

    @BeforeEach
    void start() {
        target = new WireMockServer(options().dynamicPort());
        target.start();
        target.stubFor(get("/health").willReturn(serverError()));
        slack = new WireMockServer(options().dynamicPort());
        slack.start();
        slack.stubFor(post("/hook").willReturn(serverError().withBody("rollup_error")));
    }

    @AfterEach
    void stop() {
        target.stop();
        slack.stop();
    }

    @Test
    void theFollowerTakesOverAKilledLeaderAndDeliversItsNotificationsOnce() throws Exception {
        try (ClusterNodes cluster = new ClusterNodes(directory, PostgresSchemas.fresh("ha_failover"))) {
            String yaml = cluster.config(checks(3));
            cluster.start("eu-1", yaml);
            cluster.start("us-1", yaml);
            ClusterNodes.Node leader = cluster.awaitLeader(Duration.ofSeconds(60));
            ClusterNodes.Node follower = cluster.nodes().stream().filter(node -> node != leader).findFirst().orElseThrow();
            // Slack fails, so the notifications of the three checks wait in the outbox; the channel was tried
            await().atMost(Duration.ofSeconds(60)).until(() -> !attempted().isEmpty() && queued(follower) == 3);
            assertThat(follower.leads()).isFalse();

            Instant killed = Instant.now();
            leader.daemon().kill();
            slack.stubFor(post("/hook").willReturn(aResponse().withStatus(200).withBody("ok")));
            await().atMost(Duration.ofSeconds(60)).until(follower::leads);
            Duration takeover = Duration.between(killed, Instant.now());
            await().atMost(Duration.ofSeconds(60)).until(() -> delivered().size() >= 3);
            Thread.sleep(2_000);

            Map<String, Long> deliveries = delivered().stream().collect(Collectors.groupingBy(Function.identity(),
                    Collectors.counting()));
            assertThat(deliveries).as(cluster.logs()).hasSize(3)
                    .allSatisfy((key, times) -> assertThat(times).as(key).isEqualTo(1L));
            System.out.println("takeover after kill -9: " + takeover.toMillis() + " ms");
        }
    }

    private String checks(int count) {
        StringBuilder yaml = new StringBuilder("""
                defaults: {interval: 300ms, timeout: 1s, failureThreshold: 1}
                dependencies:
                  - id: supabase
                    breaker: {window: 1000, minimumCalls: 1000}
                checks:
                """);
        for (int i = 0; i < count; i++) {
            yaml.append("  - {id: check-%d, dependency: supabase, kind: http, url: \"http://localhost:%d/health\"}\n"
                    .formatted(i, target.port()));
        }
        return yaml + SlackAlertsConfig.alertsTo(slack.port());
    }

    /** The Slack notifications in the shared outbox, as any node's API shows them. */
    private static long queued(ClusterNodes.Node node) throws Exception {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (var incident : StatusView.parse(node.daemon().get("/api/incidents").body()).path("incidents")) {
            String id = incident.path("id").asText();
            for (var notification : StatusView.parse(node.daemon().get("/api/incidents/" + id).body())
                    .path("notifications")) {
                if (notification.path("channel").asText().equals("ops-slack")) {
                    keys.add(notification.path("key").asText());
                }
            }
        }
        return keys.size();
    }

    private List<String> attempted() {
        return slack.getAllServeEvents().stream().flatMap(event -> keys(event).stream()).toList();
    }

    private List<String> delivered() {
        return slack.getAllServeEvents().stream().filter(event -> event.getResponse().getStatus() == 200)
                .flatMap(event -> keys(event).stream()).toList();
    }

    private static List<String> keys(ServeEvent event) {
        return SlackKeys.in(event.getRequest().getBodyAsString());
    }
}
