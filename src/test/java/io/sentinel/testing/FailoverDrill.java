package io.sentinel.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What the failover tests drive Sentinel with, one instance or a cluster: a target whose checks ({@code check-0},
 * {@code check-1} …) fail and recover on demand, and a Slack stand-in that takes or refuses notifications and counts
 * what it was sent.
 */
public final class FailoverDrill implements AutoCloseable {

    private final WireMockServer target = new WireMockServer(options().dynamicPort());
    private final WireMockServer slack = new WireMockServer(options().dynamicPort());

    /** Every check answers, and Slack takes what it is sent. */
    public FailoverDrill() {
        target.start();
        slack.start();
        target.stubFor(get(urlMatching("/check-.*")).willReturn(ok("fine")));
        slackTakes(true);
    }

    /**
     * Dependencies, {@code count} HTTP checks probed every 300 ms that alert at the first failure, and the alerts to
     * Slack: the part before {@link ClusterNodes#config}. The dependency's breaker opens only when every probe fails:
     * the checks that failed in earlier rounds stay DOWN, and at a lower rate it opened after about a minute of
     * rounds and short-circuited the next round's check before it could go DOWN.
     */
    public String checks(int count) {
        StringBuilder yaml = new StringBuilder("""
                defaults: {interval: 300ms, timeout: 1s, failureThreshold: 1}
                dependencies:
                  - id: supabase
                    breaker: {window: 1000, minimumCalls: 1000, failureRate: 100}
                checks:
                """);
        for (int i = 0; i < count; i++) {
            yaml.append("  - {id: check-%d, dependency: supabase, kind: http, url: \"http://localhost:%d/check-%d\"}\n"
                    .formatted(i, target.port(), i));
        }
        return yaml + SlackAlertsConfig.alertsTo(slack.port());
    }

    public void fail(int check) {
        target.stubFor(get("/check-" + check).willReturn(serverError()));
    }

    public void recover(int check) {
        target.stubFor(get("/check-" + check).willReturn(ok("fine")));
    }

    /** Slack answers 200, or 503 with Slack's own error body (the notification stays in the outbox). */
    public void slackTakes(boolean takes) {
        slack.stubFor(post("/hook").willReturn(takes ? aResponse().withStatus(200).withBody("ok")
                : serverError().withBody("rollup_error")));
    }

    /** The notification keys of every message Slack was sent, taken or not. */
    public List<String> attempted() {
        return slack.getAllServeEvents().stream().flatMap(event -> SlackKeys.in(event.getRequest().getBodyAsString())
                .stream()).toList();
    }

    /** The notification keys of every message Slack took, as often as it took them. */
    public List<String> delivered() {
        return slack.getAllServeEvents().stream().filter(event -> event.getResponse().getStatus() == 200)
                .flatMap(event -> SlackKeys.in(event.getRequest().getBodyAsString()).stream()).toList();
    }

    /** The keys of the Slack notifications in the outbox, as the daemon's incident API shows them. */
    public static Set<String> queued(DaemonProcess daemon) throws Exception {
        Set<String> keys = new HashSet<>();
        for (var incident : StatusView.parse(daemon.get("/api/incidents?kind=alert").body()).path("incidents")) {
            String id = incident.path("id").asText();
            for (var notification : StatusView.parse(daemon.get("/api/incidents/" + id).body()).path("notifications")) {
                if (notification.path("channel").asText().equals("ops-slack")) {
                    keys.add(notification.path("key").asText());
                }
            }
        }
        return keys;
    }

    /** Whether Slack took the notification of {@code check} whose key says {@code what} (FIRING-DOWN, RESOLVED-…). */
    public boolean delivered(int check, String what) {
        return delivered().stream().anyMatch(key -> key.startsWith("check-" + check + "@") && key.contains("/" + what));
    }

    /** Slack took something, and each notification once; {@code logs} explain a failure. */
    public void assertEachDeliveredOnce(String logs) {
        Map<String, Long> deliveries = delivered().stream().collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
        assertThat(deliveries).as(logs).isNotEmpty()
                .allSatisfy((key, times) -> assertThat(times).as(key).isEqualTo(1L));
    }

    /**
     * One kill -9 of the leader while the notification of {@code check} going DOWN waits for a Slack that fails: the
     * time until another node says it leads; it then delivers the notification.
     */
    public Duration killTheLeader(ClusterNodes cluster, int check) throws Exception {
        ClusterNodes.Node leader = cluster.awaitLeader(Duration.ofSeconds(90));
        ClusterNodes.Node follower = cluster.nodes().stream()
                .filter(node -> node != leader && node.daemon().isAlive()).findFirst().orElseThrow();
        awaitPendingAfterAnAttempt(cluster, check);

        Instant killed = Instant.now();
        leader.daemon().kill();
        slackTakes(true);
        await().atMost(Duration.ofSeconds(90)).until(follower::leads);
        Duration takeover = Duration.between(killed, Instant.now());
        await().atMost(Duration.ofSeconds(90)).until(() -> delivered(check, "FIRING-DOWN"));
        return takeover;
    }

    /** What a partition round measured. */
    public record Partition(String frozen, Duration takeover, Duration healed, String leaderAfter) {
    }

    /**
     * A partition: the leader is frozen (SIGSTOP) while the notification of {@code check} going DOWN waits in its
     * hands; another node takes over and delivers it, the check recovers and that is delivered too; then the frozen
     * leader is resumed (SIGCONT), still believing it leads, until it has stepped down and the cluster has one leader
     * again.
     */
    public Partition freezeTheLeader(ClusterNodes cluster, int check) throws Exception {
        await().atMost(Duration.ofSeconds(90)).until(() -> cluster.leaders().size() == 1);
        ClusterNodes.Node leader = cluster.leaders().get(0);
        List<ClusterNodes.Node> others = cluster.nodes().stream()
                .filter(node -> node != leader && node.daemon().isAlive()).toList();
        awaitPendingAfterAnAttempt(cluster, check);

        Instant frozen = Instant.now();
        leader.daemon().pause();
        slackTakes(true);
        // a frozen node stays frozen if this fails: closing the cluster resumes it to stop it
        await().atMost(Duration.ofSeconds(90)).until(() -> others.stream().anyMatch(ClusterNodes.Node::leads));
        Duration takeover = Duration.between(frozen, Instant.now());
        await().atMost(Duration.ofSeconds(90)).until(() -> delivered(check, "FIRING-DOWN"));
        recover(check);
        await().atMost(Duration.ofSeconds(90)).until(() -> delivered(check, "RESOLVED-"));

        int logBefore = leader.daemon().log().length();
        Instant resumed = Instant.now();
        leader.daemon().resume();
        // the old leader wakes up leading, with the notifications it held; the groups merge, the old leader steps down
        // (and leads again from the database if JGroups makes it the merged group's coordinator), and one leads
        await().atMost(Duration.ofSeconds(90)).pollDelay(Duration.ofMillis(500))
                .until(() -> cluster.leaders().size() == 1
                        && leader.daemon().log().substring(logBefore).contains(ClusterNodes.FOLLOWS));
        Duration healed = Duration.between(resumed, Instant.now());
        return new Partition(leader.location(), takeover, healed, cluster.leaders().get(0).location());
    }

    /**
     * Slack fails and {@code check} goes DOWN: its notification is tried, refused, and waits in the outbox. A
     * notification already waiting for its next try goes first and this one with it, so the wait allows for the
     * channel's longest pause; when it ends without a try, the nodes' logs say why.
     */
    private void awaitPendingAfterAnAttempt(ClusterNodes cluster, int check) {
        slackTakes(false);
        fail(check);
        String firing = "check-" + check + "@";
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> attempted().stream().anyMatch(key -> key.startsWith(firing)));
        } catch (ConditionTimeoutException notTried) {
            throw new AssertionError("the notification of check-" + check + " going DOWN was never tried; Slack was"
                    + " sent " + attempted() + "\n" + cluster.logs(), notTried);
        }
    }

    @Override
    public void close() {
        target.stop();
        slack.stop();
    }
}
