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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failover drills (reliability profile): the leader killed with kill -9 five times, each time with a notification
 * waiting for a Slack that fails; and a partition in which both instances lead. Every notification reaches Slack
 * exactly once. Takeover times go to target/cluster-takeover.txt for bench/RESULTS.md.
 */
class ClusterFailoverReliabilityIT {

    private static final int KILLS = Integer.getInteger("sentinel.drill.kills", 5);

    @TempDir
    Path directory;

    private WireMockServer target;
    private WireMockServer slack;

    @BeforeEach
    void start() {
        target = new WireMockServer(options().dynamicPort());
        target.start();
        for (int i = 0; i < KILLS; i++) {
            target.stubFor(get("/check-" + i).willReturn(ok("fine")));
        }
        slack = new WireMockServer(options().dynamicPort());
        slack.start();
        slackTakes(true);
    }

    @AfterEach
    void stop() {
        target.stop();
        slack.stop();
    }

    @Test
    void fiveKillsOfTheLeaderLoseAndRepeatNoNotification() throws Exception {
        List<Long> takeovers = new ArrayList<>();
        try (ClusterNodes cluster = new ClusterNodes(directory, PostgresSchemas.fresh("ha_drill"))) {
            String yaml = cluster.config(checks(KILLS));
            cluster.start("eu-1", yaml);
            cluster.start("us-1", yaml);
            for (int round = 0; round < KILLS; round++) {
                ClusterNodes.Node leader = cluster.awaitLeader(Duration.ofSeconds(90));
                ClusterNodes.Node follower = cluster.nodes().stream()
                        .filter(node -> node != leader && node.daemon().isAlive()).findFirst().orElseThrow();
                slackTakes(false);
                target.stubFor(get("/check-" + round).willReturn(serverError()));
                String firing = "check-" + round + "@";
                await().atMost(Duration.ofSeconds(60)).until(() -> attempted().stream().anyMatch(key -> key.startsWith(firing)));

                Instant killed = Instant.now();
                leader.daemon().kill();
                slackTakes(true);
                await().atMost(Duration.ofSeconds(90)).until(follower::leads);
                takeovers.add(Duration.between(killed, Instant.now()).toMillis());
                await().atMost(Duration.ofSeconds(90)).until(() -> delivered().stream().anyMatch(key -> key.startsWith(firing)));
                cluster.start(leader.location(), yaml);
            }
            Thread.sleep(3_000);
            assertOnce(cluster);
            assertThat(delivered()).filteredOn(key -> key.contains("/FIRING-DOWN/")).hasSize(KILLS);
        }
        List<Long> sorted = takeovers.stream().sorted().toList();
        String figures = "kill -9 of the leader, " + KILLS + " times: takeover ms " + takeovers + ", p50 "
                + sorted.get(sorted.size() / 2) + " ms, max " + sorted.get(sorted.size() - 1) + " ms\n";
        System.out.print(figures);
        Files.writeString(Path.of("target", "cluster-takeover.txt"), figures);
    }

    @Test
    void twoInstancesThatBothLeadSendEachNotificationOnce() throws Exception {
        try (ClusterNodes europe = new ClusterNodes(directory.resolve("eu"), PostgresSchemas.fresh("ha_split"))) {
            String database = europe.config("").lines().filter(line -> line.contains("url:")).findFirst().orElseThrow();
            // the partition: each instance sees its own lock directory, so each believes it is alone and leads
            String yaml = checks(2) + "storage:\n" + database + "\n  username: postgres\ncluster:\n"
                    + "  location: ${SENTINEL_LOCATION}\n  service: file\n  directory: ${LOCK}\n  lockInterval: 1s\n";
            ClusterNodes.Node eu = startAlone(europe, "eu-1", yaml);
            ClusterNodes.Node us = startAlone(europe, "us-1", yaml);
            await().atMost(Duration.ofSeconds(60)).until(() -> eu.leads() && us.leads());

            target.stubFor(get("/check-0").willReturn(serverError()));
            target.stubFor(get("/check-1").willReturn(serverError()));
            await().atMost(Duration.ofSeconds(60)).until(() -> delivered().stream().filter(key -> key.contains("/FIRING-DOWN/"))
                    .count() >= 2);
            target.stubFor(get("/check-0").willReturn(ok("fine")));
            target.stubFor(get("/check-1").willReturn(ok("fine")));
            await().atMost(Duration.ofSeconds(60)).until(() -> delivered().stream().filter(key -> key.contains("/RESOLVED-"))
                    .count() >= 2);
            Thread.sleep(3_000);
            assertOnce(europe);
        }
    }

    private ClusterNodes.Node startAlone(ClusterNodes nodes, String location, String yaml) throws Exception {
        Path directoryOfNode = directory.resolve("eu").resolve(location);
        SlackAlertsConfig.write(directoryOfNode, yaml);
        return nodes.startIn(location, Map.of("LOCK", directory.resolve("lock-" + location).toString()));
    }

    private void assertOnce(ClusterNodes cluster) {
        Map<String, Long> deliveries = delivered().stream().collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
        assertThat(deliveries).as(cluster.logs()).isNotEmpty()
                .allSatisfy((key, times) -> assertThat(times).as(key).isEqualTo(1L));
    }

    private void slackTakes(boolean takes) {
        slack.stubFor(post("/hook").willReturn(takes ? aResponse().withStatus(200).withBody("ok")
                : serverError().withBody("rollup_error")));
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
            yaml.append("  - {id: check-%d, dependency: supabase, kind: http, url: \"http://localhost:%d/check-%d\"}\n"
                    .formatted(i, target.port(), i));
        }
        return yaml + SlackAlertsConfig.alertsTo(slack.port());
    }

    private List<String> attempted() {
        return slack.getAllServeEvents().stream().flatMap(event -> SlackKeys.in(event.getRequest().getBodyAsString())
                .stream()).toList();
    }

    private List<String> delivered() {
        return slack.getAllServeEvents().stream().filter(event -> event.getResponse().getStatus() == 200)
                .flatMap(event -> SlackKeys.in(event.getRequest().getBodyAsString()).stream()).toList();
    }
}
