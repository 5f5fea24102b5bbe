package io.sentinel.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sentinel.testing.ClusterNodes;
import io.sentinel.testing.FailoverDrill;
import io.sentinel.testing.PostgresSchemas;
import io.sentinel.testing.SlackAlertsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failover drills (reliability profile): the leader killed with kill -9 five times, each time with a notification
 * waiting for a Slack that fails, elected by the file service and by JGroups; the JGroups leader frozen with SIGSTOP
 * five times (a partition: its transport goes silent) and resumed; and two file-service instances that both lead.
 * Every notification reaches Slack exactly once. Times go to target/cluster-takeover.txt for bench/RESULTS.md.
 */
class ClusterFailoverReliabilityIT {

    private static final int ROUNDS = Integer.getInteger("sentinel.drill.kills", 5);

    @TempDir
    Path directory;

    private FailoverDrill drill;

    @BeforeEach
    void start() {
        drill = new FailoverDrill();
    }

    @AfterEach
    void stop() {
        drill.close();
    }

    @Test
    void fiveKillsOfTheLeaderLoseAndRepeatNoNotification() throws Exception {
        try (ClusterNodes cluster = new ClusterNodes(directory, PostgresSchemas.fresh("ha_drill"))) {
            killTheLeaderRepeatedly(cluster, "file service");
        }
    }

    @Test
    void fiveKillsOfTheJGroupsLeaderLoseAndRepeatNoNotification() throws Exception {
        try (ClusterNodes cluster = ClusterNodes.withJGroups(directory, PostgresSchemas.fresh("ha_drill_jgroups"),
                "eu-1", "us-1")) {
            killTheLeaderRepeatedly(cluster, "jgroups");
        }
    }

    @Test
    void fiveFreezesOfTheJGroupsLeaderEndWithOneLeaderAndNothingSentTwice() throws Exception {
        List<FailoverDrill.Partition> rounds = new ArrayList<>();
        try (ClusterNodes cluster = ClusterNodes.withJGroups(directory, PostgresSchemas.fresh("ha_freeze"), "eu-1",
                "us-1", "ap-1")) {
            String yaml = cluster.config(drill.checks(ROUNDS));
            cluster.start("eu-1", yaml);
            cluster.start("us-1", yaml);
            cluster.start("ap-1", yaml);
            for (int round = 0; round < ROUNDS; round++) {
                rounds.add(drill.freezeTheLeader(cluster, round));
            }
            Thread.sleep(3_000);
            drill.assertEachDeliveredOnce(cluster.logs());
            // one outage and one recovery per round; the per-location signals ("location eu-1 cannot reach") come on top
            assertThat(drill.delivered()).filteredOn(key -> key.startsWith("check-") && key.contains("/FIRING-DOWN/"))
                    .hasSize(ROUNDS);
            assertThat(drill.delivered()).filteredOn(key -> key.startsWith("check-") && key.contains("/RESOLVED-"))
                    .hasSize(ROUNDS);
            assertThat(cluster.leaders()).hasSize(1);
        }
        record(figures("SIGSTOP of the jgroups leader (3 members), takeover",
                rounds.stream().map(round -> round.takeover().toMillis()).toList())
                + figures("  after SIGCONT, one leader again",
                rounds.stream().map(round -> round.healed().toMillis()).toList())
                + "  frozen leader of each round: " + rounds.stream().map(FailoverDrill.Partition::frozen).toList()
                + ", leader once merged: " + rounds.stream().map(FailoverDrill.Partition::leaderAfter).toList() + "\n");
    }

    @Test
    void twoInstancesThatBothLeadSendEachNotificationOnce() throws Exception {
        try (ClusterNodes europe = new ClusterNodes(directory.resolve("eu"), PostgresSchemas.fresh("ha_split"))) {
            String database = europe.config("").lines().filter(line -> line.contains("url:")).findFirst().orElseThrow();
            // the partition: each instance sees its own lock directory, so each believes it is alone and leads
            String yaml = drill.checks(2) + "storage:\n" + database + "\n  username: postgres\ncluster:\n"
                    + "  location: ${SENTINEL_LOCATION}\n  service: file\n  directory: ${LOCK}\n  lockInterval: 1s\n";
            ClusterNodes.Node eu = startAlone(europe, "eu-1", yaml);
            ClusterNodes.Node us = startAlone(europe, "us-1", yaml);
            await().atMost(Duration.ofSeconds(60)).until(() -> eu.leads() && us.leads());

            drill.fail(0);
            drill.fail(1);
            await().atMost(Duration.ofSeconds(60)).until(() -> drill.delivered().stream()
                    .filter(key -> key.contains("/FIRING-DOWN/")).count() >= 2);
            drill.recover(0);
            drill.recover(1);
            await().atMost(Duration.ofSeconds(60)).until(() -> drill.delivered().stream()
                    .filter(key -> key.contains("/RESOLVED-")).count() >= 2);
            Thread.sleep(3_000);
            drill.assertEachDeliveredOnce(europe.logs());
        }
    }

    private void killTheLeaderRepeatedly(ClusterNodes cluster, String service) throws Exception {
        List<Long> takeovers = new ArrayList<>();
        String yaml = cluster.config(drill.checks(ROUNDS));
        cluster.start("eu-1", yaml);
        cluster.start("us-1", yaml);
        for (int round = 0; round < ROUNDS; round++) {
            ClusterNodes.Node leader = cluster.awaitLeader(Duration.ofSeconds(90));
            takeovers.add(drill.killTheLeader(cluster, round).toMillis());
            cluster.start(leader.location(), yaml);
        }
        Thread.sleep(3_000);
        drill.assertEachDeliveredOnce(cluster.logs());
        assertThat(drill.delivered()).filteredOn(key -> key.startsWith("check-") && key.contains("/FIRING-DOWN/"))
                .hasSize(ROUNDS);
        record(figures("kill -9 of the leader (" + service + ")", takeovers));
    }

    private ClusterNodes.Node startAlone(ClusterNodes nodes, String location, String yaml) throws Exception {
        Path directoryOfNode = directory.resolve("eu").resolve(location);
        SlackAlertsConfig.write(directoryOfNode, yaml);
        return nodes.startIn(location, Map.of("LOCK", directory.resolve("lock-" + location).toString()));
    }

    private static String figures(String what, List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return what + ", " + millis.size() + " times: ms " + millis + ", p50 " + sorted.get(sorted.size() / 2)
                + " ms, max " + sorted.get(sorted.size() - 1) + " ms\n";
    }

    private static void record(String figures) throws Exception {
        System.out.print(figures);
        Files.writeString(Path.of("target", "cluster-takeover.txt"), figures, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
