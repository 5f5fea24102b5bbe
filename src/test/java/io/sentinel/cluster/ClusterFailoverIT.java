package io.sentinel.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sentinel.testing.ClusterNodes;
import io.sentinel.testing.FailoverDrill;
import io.sentinel.testing.PostgresSchemas;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Sentinels at two locations sharing PostgreSQL, elected by the file cluster service or by JGroups: one leads;
 * kill -9 of the leader while its notifications cannot be delivered, and the other takes over and delivers each of
 * them once. With JGroups, a leader frozen with SIGSTOP (its transport silent, as in a partition) is replaced, and
 * once resumed the two agree on one leader again without a notification sent twice.
 */
class ClusterFailoverIT {

    private static final int CHECKS = 3;

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
    void theFollowerTakesOverAKilledLeaderAndDeliversItsNotificationsOnce() throws Exception {
        try (ClusterNodes cluster = new ClusterNodes(directory, PostgresSchemas.fresh("ha_failover"))) {
            killTheLeaderWithEveryCheckWaiting(cluster);
        }
    }

    @Test
    void withJGroupsTheFollowerTakesOverAKilledLeaderAndDeliversItsNotificationsOnce() throws Exception {
        try (ClusterNodes cluster = ClusterNodes.withJGroups(directory, PostgresSchemas.fresh("ha_jgroups"), "eu-1",
                "us-1")) {
            killTheLeaderWithEveryCheckWaiting(cluster);
        }
    }

    @Test
    void withJGroupsAFrozenLeaderIsReplacedAndOnceResumedNothingIsSentTwice() throws Exception {
        try (ClusterNodes cluster = ClusterNodes.withJGroups(directory, PostgresSchemas.fresh("ha_frozen"), "eu-1",
                "us-1")) {
            String yaml = cluster.config(drill.checks(1));
            cluster.start("eu-1", yaml);
            cluster.start("us-1", yaml);

            FailoverDrill.Partition partition = drill.freezeTheLeader(cluster, 0);
            Thread.sleep(3_000);

            drill.assertEachDeliveredOnce(cluster.logs());
            assertThat(cluster.leaders()).hasSize(1);
            System.out.println("frozen leader " + partition.frozen() + " replaced after " + partition.takeover().toMillis() + " ms; one leader ("
                    + partition.leaderAfter() + ") " + partition.healed().toMillis() + " ms after it resumed");
        }
    }

    private void killTheLeaderWithEveryCheckWaiting(ClusterNodes cluster) throws Exception {
        drill.slackTakes(false);
        for (int check = 0; check < CHECKS; check++) {
            drill.fail(check);
        }
        String yaml = cluster.config(drill.checks(CHECKS));
        cluster.start("eu-1", yaml);
        cluster.start("us-1", yaml);
        ClusterNodes.Node leader = cluster.awaitLeader(Duration.ofSeconds(60));
        ClusterNodes.Node follower = cluster.nodes().stream().filter(node -> node != leader).findFirst().orElseThrow();
        // Slack fails, so the notifications of the three checks wait in the outbox; the channel was tried
        await().atMost(Duration.ofSeconds(60)).until(() -> !drill.attempted().isEmpty() && FailoverDrill.queued(follower.daemon()).size() == CHECKS);
        assertThat(follower.leads()).isFalse();

        Instant killed = Instant.now();
        leader.daemon().kill();
        drill.slackTakes(true);
        await().atMost(Duration.ofSeconds(60)).until(follower::leads);
        Duration takeover = Duration.between(killed, Instant.now());
        await().atMost(Duration.ofSeconds(60)).until(() -> drill.delivered().size() >= CHECKS);
        Thread.sleep(2_000);

        drill.assertEachDeliveredOnce(cluster.logs());
        assertThat(drill.delivered()).hasSize(CHECKS);
        System.out.println("takeover after kill -9: " + takeover.toMillis() + " ms");
    }
}
