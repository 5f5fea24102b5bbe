package io.sentinel.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.sentinel.testing.InProcessDaemon;
import io.sentinel.testing.SlackKeys;
import io.sentinel.testing.StatusView;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Slack outage drill against the running daemon and a Slack stand-in (WireMock): five incidents each fire
 * and resolve while Slack answers 503, then Slack comes back rate limiting (two 429s with Retry-After, one
 * message through, another 429), then takes everything. Every notification must arrive exactly once (alone or
 * in a message with others sent together), each incident's FIRING before its RESOLVED, never two messages within
 * a second, and the backlog must drain soon after the recovery. The times are printed (and recorded in docs/reliability.md), not asserted.
 */
abstract class SlackOutageDrill {

    private static final String WEBHOOK = "/services/T000/B000/XXXX";
    private static final String SLACK = "slack";
    private static final int INCIDENTS = 5;
    /** Generous on a loaded machine: the first try within 30 s, 4 s of Retry-After, then ten messages a second apart. */
    private static final Duration DRAIN_BOUND = Duration.ofSeconds(90);

    @TempDir
    Path directory;

    private WireMockServer target;
    private WireMockServer slack;

    /** How long Slack answers 503 before it comes back. */
    abstract Duration outage();

    @BeforeEach
    void startServers() {
        target = new WireMockServer(options().dynamicPort());
        target.start();
        target.stubFor(get("/health").willReturn(serverError()));
        slack = new WireMockServer(options().dynamicPort());
        slack.start();
        stubSlack(Scenario.STARTED, aResponse().withStatus(503).withBody("service unavailable"), Optional.empty());
        stubSlack("recovering", rateLimited(2), Optional.of("still-limited"));
        stubSlack("still-limited", rateLimited(2), Optional.of("one-through"));
        stubSlack("one-through", ok(), Optional.of("limited-again"));
        stubSlack("limited-again", rateLimited(3), Optional.of("open"));
        stubSlack("open", ok(), Optional.empty());
    }

    @AfterEach
    void stopServers() {
        target.stop();
        slack.stop();
    }

    @Test
    void everyIncidentIsToldOnceInOrderAndTheBacklogDrainsAfterSlackRecovers() throws Exception {
        try (InProcessDaemon daemon = InProcessDaemon.start(directory, config(), Map.of(), Clock.systemUTC())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> allChecksAre(daemon, "DOWN"));
            target.stubFor(get("/health").willReturn(okJson("{}")));
            await().atMost(Duration.ofSeconds(30)).until(() -> allChecksAre(daemon, "UP"));
            await().atMost(Duration.ofSeconds(30)).until(() -> queuedNotifications(daemon) == 2 * INCIDENTS);
            long outageStart = requests().get(0).getRequest().getLoggedDate().getTime();
            Thread.sleep(Math.max(0, outageStart + outage().toMillis() - System.currentTimeMillis()));

            long recoveredAt = System.currentTimeMillis();
            slack.setScenarioState(SLACK, "recovering");
            await().atMost(DRAIN_BOUND).until(() -> delivered().stream().mapToInt(event -> keys(event).size()).sum()
                    >= 2 * INCIDENTS);
            Thread.sleep(2_000);

            List<ServeEvent> requests = requests();
            List<ServeEvent> delivered = delivered();
            assertThat(delivered.stream().flatMap(event -> keys(event).stream()).toList())
                    .as("every notification taken once, whether alone or with others").doesNotHaveDuplicates()
                    .hasSize(2 * INCIDENTS);
            for (int i = 0; i < INCIDENTS; i++) {
                String check = "check-" + i;
                assertThat(delivered).filteredOn(event -> body(event).contains(check + " DOWN")).hasSize(1);
                assertThat(delivered).filteredOn(event -> body(event).contains(check + " UP")).hasSize(1);
            }
            for (ServeEvent message : delivered) {
                for (String key : keys(message)) {
                    assertThat(requests).filteredOn(event -> keys(event).contains(key) && at(event) > at(message))
                            .as("nothing sent again after %s was taken", key).isEmpty();
                    if (key.contains("/RESOLVED-UP/")) {
                        String firingKey = key.replace("/RESOLVED-UP/", "/FIRING-DOWN/");
                        ServeEvent firing = delivered.stream().filter(event -> keys(event).contains(firingKey))
                                .findFirst().orElseThrow();
                        assertThat(requests).filteredOn(event -> keys(event).contains(key) && at(event) <= at(firing))
                                .as("%s tried before its FIRING was taken", key).isEmpty();
                    }
                }
            }
            List<ServeEvent> whileDown = requests.stream().filter(event -> at(event) < recoveredAt).toList();
            assertThat(whileDown.stream().flatMap(event -> keys(event).stream()))
                    .as("while Slack is down only FIRINGs are tried").allMatch(key -> key.contains("/FIRING-DOWN/"));
            List<ServeEvent> untilTaken = requests.stream()
                    .filter(event -> at(event) >= recoveredAt && at(event) <= at(delivered.get(0))).toList();
            assertThat(untilTaken).extracting(SlackOutageDrill::keys)
                    .as("after the recovery the message tried last is tried again until Slack takes it")
                    .containsOnly(keys(whileDown.get(whileDown.size() - 1)));
            for (int i = 1; i < requests.size(); i++) {
                assertThat(at(requests.get(i)) - at(requests.get(i - 1)))
                        .as("milliseconds between Slack requests %d and %d", i - 1, i).isGreaterThanOrEqualTo(1_000);
            }
            report(requests, delivered, outageStart, recoveredAt);
        }
    }

    private void report(List<ServeEvent> requests, List<ServeEvent> delivered, long outageStart, long recoveredAt) {
        long firstTry = requests.stream().mapToLong(SlackOutageDrill::at).filter(at -> at >= recoveredAt).min().orElseThrow();
        long firstTaken = at(delivered.get(0));
        long lastTaken = at(delivered.get(delivered.size() - 1));
        System.out.printf("Slack outage drill: %d s of 503 (%d tries), %d messages queued; after recovery: first try"
                        + " %.1f s, first message taken %.1f s, last message taken %.1f s (%d requests in all)%n",
                (recoveredAt - outageStart) / 1000, requests.stream().filter(event -> at(event) < recoveredAt).count(),
                delivered.stream().mapToInt(event -> keys(event).size()).sum(), (firstTry - recoveredAt) / 1000.0, (firstTaken - recoveredAt) / 1000.0,
                (lastTaken - recoveredAt) / 1000.0, requests.size());
    }

    private String config() {
        StringBuilder yaml = new StringBuilder("""
                defaults:
                  interval: 200ms
                  timeout: 1s
                  failureThreshold: 1
                  successThreshold: 1
                dependencies:
                  - id: supabase
                    breaker: {window: 1000, minimumCalls: 1000}
                checks:
                """);
        for (int i = 0; i < INCIDENTS; i++) {
            yaml.append("""
                      - id: check-%d
                        dependency: supabase
                        kind: http
                        severity: critical
                        url: http://localhost:%d/health
                    """.formatted(i, target.port()));
        }
        yaml.append("""
                alerts:
                  channels:
                    - {id: ops-slack, type: slack, webhookUrl: "http://localhost:%d%s"}
                  routing: {critical: [ops-slack], high: [ops-slack], medium: [ops-slack]}
                """.formatted(slack.port(), WEBHOOK));
        return yaml.toString();
    }

    private static boolean allChecksAre(InProcessDaemon daemon, String state) throws Exception {
        for (int i = 0; i < INCIDENTS; i++) {
            if (!daemon.json("/api/checks/check-" + i, "/state").equals(state)) {
                return false;
            }
        }
        return true;
    }

    /** Notifications to Slack written to the outbox, as the incident API shows them. */
    private static int queuedNotifications(InProcessDaemon daemon) throws Exception {
        int queued = 0;
        for (JsonNode incident : StatusView.parse(daemon.get("/api/incidents?kind=alert").body()).path("incidents")) {
            for (JsonNode notification : StatusView.parse(daemon.get("/api/incidents/" + incident.path("id").asText())
                    .body()).path("notifications")) {
                queued += notification.path("channel").asText().equals("ops-slack") ? 1 : 0;
            }
        }
        return queued;
    }

    private void stubSlack(String state, ResponseDefinitionBuilder response, Optional<String> nextState) {
        var stub = post(urlEqualTo(WEBHOOK)).inScenario(SLACK).whenScenarioStateIs(state).willReturn(response);
        slack.stubFor(nextState.map(stub::willSetStateTo).orElse(stub));
    }

    private static ResponseDefinitionBuilder rateLimited(int seconds) {
        return aResponse().withStatus(429).withHeader("Retry-After", String.valueOf(seconds)).withBody("rate_limited");
    }

    private static ResponseDefinitionBuilder ok() {
        return aResponse().withStatus(200).withBody("ok");
    }

    /** Every request Slack received, oldest first. */
    private List<ServeEvent> requests() {
        List<ServeEvent> events = new ArrayList<>(slack.getAllServeEvents());
        events.sort(Comparator.comparingLong(SlackOutageDrill::at));
        return events;
    }

    /** The requests Slack took (200 ok), oldest first. */
    private List<ServeEvent> delivered() {
        return requests().stream().filter(event -> event.getResponse().getStatus() == 200).toList();
    }

    private static long at(ServeEvent event) {
        return event.getRequest().getLoggedDate().getTime();
    }

    private static String body(ServeEvent event) {
        return event.getRequest().getBodyAsString();
    }

    /** The idempotency keys a Slack message carries, as a set: one, or one per alert sent together. */
    private static Set<String> keys(ServeEvent event) {
        return new TreeSet<>(SlackKeys.in(body(event)));
    }
}
