package io.sentinel.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.sentinel.testing.DaemonProcess;
import io.sentinel.testing.SlackAlertsConfig;
import io.sentinel.testing.SlackKeys;
import io.sentinel.testing.StatusView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One outage of the database, with four edge functions that depend on it failing too, run by the jar against
 * WireMock stand-ins: people are told about the database once (its breaker opening is part of that), the
 * functions' alerts are held and listed in the database's incident, and only the function still failing after
 * the database recovered is told, in an incident of its own. The incident's impact and timeline say so.
 */
class IncidentLifecycleIT {

    private static final int FUNCTIONS = 4;

    @TempDir
    Path directory;

    private WireMockServer target;
    private WireMockServer slack;

    @BeforeEach
    void start() throws Exception {
        target = new WireMockServer(options().dynamicPort());
        target.start();
        healthy(true, true);
        slack = new WireMockServer(options().dynamicPort());
        slack.start();
        slack.stubFor(post("/hook").willReturn(aResponse().withStatus(200).withBody("ok")));
        StringBuilder yaml = new StringBuilder("""
                defaults: {interval: 300ms, timeout: 1s, failureThreshold: 3, successThreshold: 3}
                dependencies:
                  - id: supabase-db
                    breaker: {window: 2, minimumCalls: 1, failureRate: 50, waitInOpen: 1s, halfOpenTrials: 1}
                  - id: supabase-functions
                    dependsOn: [supabase-db]
                    breaker: {window: 1000, minimumCalls: 1000}
                checks:
                  - {id: db-ping, dependency: supabase-db, kind: http, severity: critical, failureThreshold: 1,
                     successThreshold: 1, url: "http://localhost:%1$d/db"}
                """.formatted(target.port()));
        for (int i = 0; i < FUNCTIONS; i++) {
            yaml.append("  - {id: fn-%d, dependency: supabase-functions, kind: http, severity: high, url: \"http://localhost:%d/fn/%d\"}\n"
                    .formatted(i, target.port(), i));
        }
        yaml.append(SlackAlertsConfig.alertsTo(slack.port()));
        SlackAlertsConfig.write(directory, yaml.toString());
    }

    @AfterEach
    void stop() {
        target.stop();
        slack.stop();
    }

    @Test
    void aDatabaseOutageIsOneIncidentToldOnceWithItsDependentsHeldAndTheOneStillDownReleased() throws Exception {
        try (DaemonProcess daemon = DaemonProcess.start(directory, Map.of())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> allUp(daemon));

            healthy(false, false);
            await().atMost(Duration.ofSeconds(30)).until(() -> functionsAre(daemon, "DOWN", FUNCTIONS));
            JsonNode incident = await().atMost(Duration.ofSeconds(30)).until(() -> databaseIncident(daemon),
                    found -> found != null && found.path("alerts").size() == 2 + FUNCTIONS);
            Thread.sleep(1_500);

            assertThat(keys()).as("the database told once; its breaker and the functions not at all")
                    .singleElement().asString().startsWith("db-ping@").endsWith("/FIRING-DOWN/ops-slack");
            assertThat(incident.path("id").asText()).startsWith("incident:supabase-db@");
            assertThat(incident.path("state").asText()).isEqualTo("OPEN");
            assertThat(incident.path("summary").asText()).isEqualTo("4 dependent checks affected");
            assertThat(roles(incident)).containsExactlyInAnyOrder("db-ping OWN", "supabase-db breaker BREAKER",
                    "fn-0 DEPENDENT", "fn-1 DEPENDENT", "fn-2 DEPENDENT", "fn-3 DEPENDENT");
            assertThat(incident.path("impact").path("dependentChecks")).hasSize(FUNCTIONS);
            JsonNode open = StatusView.parse(daemon.get("/api/incidents?state=open").body());
            assertThat(open.path("kind").asText()).isEqualTo("outage");
            assertThat(open.path("incidents")).as("one root cause, one incident").hasSize(1);
            JsonNode listed = open.path("incidents").get(0);
            assertThat(listed.path("id").asText()).isEqualTo(incident.path("id").asText());
            assertThat(listed.path("alerts")).hasSize(2 + FUNCTIONS);
            JsonNode firstAlert = StatusView.parse(daemon.get(listed.path("alerts").get(0).path("href").asText()).body());
            assertThat(firstAlert.path("incident").path("id").asText()).isEqualTo(incident.path("id").asText());
            var draft = daemon.get(listed.path("report").asText());
            assertThat(draft.statusCode()).isEqualTo(200);
            assertThat(draft.body()).contains("db-ping").contains("fn-0").contains("fn-3");
            assertThat(incident.path("impact").path("failedProbes").asInt()).isPositive();
            assertThat(kinds(incident)).contains("FIRST_FAILED_PROBE", "ALERT_FIRED", "OPENED", "BREAKER_OPENED",
                    "BREAKER_JOINED", "DEPENDENT_HELD", "NOTIFICATION_QUEUED", "NOTIFICATION_DELIVERED");
            assertThat(kinds(incident).indexOf("FIRST_FAILED_PROBE")).isLessThan(kinds(incident).indexOf("OPENED"));

            // the database and three functions recover; fn-3 stays down after its parent is back
            healthy(true, true);
            target.stubFor(get("/fn/3").willReturn(serverError()));
            await().atMost(Duration.ofSeconds(60)).until(() -> keys().stream().anyMatch(key -> key.startsWith("fn-3@")));
            await().atMost(Duration.ofSeconds(30)).until(() -> keys().stream().anyMatch(key -> key.contains("db-ping@")
                    && key.contains("/RESOLVED-UP/")));

            String dbResolved = bodyWith("db-ping@", "/RESOLVED-UP/");
            assertThat(dbResolved).contains("4 dependent checks affected");
            String released = bodyWith("fn-3@", "/FIRING-DOWN/");
            assertThat(released).contains("held while supabase-db was DOWN; still DOWN");
            assertThat(keys()).noneMatch(key -> key.startsWith("fn-0@") || key.startsWith("fn-1@") || key.startsWith("fn-2@"))
                    .noneMatch(key -> key.contains("breaker"));

            JsonNode recovered = databaseIncident(daemon);
            assertThat(recovered.path("state").asText()).isEqualTo("RECOVERED");
            assertThat(kinds(recovered)).contains("ALERT_RESOLVED", "RECOVERED", "DEPENDENT_RELEASED");
            JsonNode functions = listedIn(daemon, key("fn-3@").split("/")[0]);
            assertThat(functions.path("id").asText()).startsWith("incident:supabase-functions@");
            assertThat(roles(functions)).containsExactly("fn-3 OWN");

            target.stubFor(get("/fn/3").willReturn(okJson("{}")));
            await().atMost(Duration.ofSeconds(30)).until(() -> keys().stream().anyMatch(key -> key.startsWith("fn-3@")
                    && key.contains("/RESOLVED-UP/")));
            assertThat(keys()).hasSize(4).doesNotHaveDuplicates();
        }
    }

    private void healthy(boolean database, boolean functions) {
        target.stubFor(get("/db").willReturn(database ? okJson("{}") : serverError()));
        for (int i = 0; i < FUNCTIONS; i++) {
            target.stubFor(get("/fn/" + i).willReturn(functions ? okJson("{}") : serverError()));
        }
    }

    private static boolean allUp(DaemonProcess daemon) throws Exception {
        return StatusView.parse(daemon.get("/api/status").body()).path("summary").path("UP").asInt() == 1 + FUNCTIONS;
    }

    private static boolean functionsAre(DaemonProcess daemon, String state, int count) throws Exception {
        int matching = 0;
        for (int i = 0; i < FUNCTIONS; i++) {
            matching += StatusView.state(daemon, "fn-" + i).equals(state) ? 1 : 0;
        }
        return matching == count;
    }

    /** The newest outage of supabase-db, found in the incident list and read in full from its own answer. */
    private static JsonNode databaseIncident(DaemonProcess daemon) throws Exception {
        for (JsonNode incident : StatusView.parse(daemon.get("/api/incidents").body()).path("incidents")) {
            if (incident.path("dependency").asText().equals("supabase-db")) {
                return StatusView.parse(daemon.get(incident.path("href").asText()).body());
            }
        }
        return null;
    }

    /** The outage of a dependency an alert is listed in, in full, as the alert's own answer links it. */
    private static JsonNode listedIn(DaemonProcess daemon, String alertId) throws Exception {
        JsonNode alert = StatusView.parse(daemon.get("/api/incidents/" + alertId).body());
        return StatusView.parse(daemon.get("/api/incidents/" + alert.path("incident").path("id").asText()).body());
    }

    private static List<String> roles(JsonNode incident) {
        List<String> roles = new ArrayList<>();
        incident.path("alerts").forEach(alert -> roles.add(alert.path("subject").asText() + " " + alert.path("role").asText()));
        return roles;
    }

    private static List<String> kinds(JsonNode incident) {
        List<String> kinds = new ArrayList<>();
        incident.path("timeline").forEach(entry -> kinds.add(entry.path("kind").asText()));
        return kinds;
    }

    /** Every notification key Slack took, in the order it took them. */
    private List<String> keys() {
        return delivered().stream().flatMap(event -> SlackKeys.in(event.getRequest().getBodyAsString()).stream()).toList();
    }

    private String key(String start) {
        return keys().stream().filter(key -> key.startsWith(start)).findFirst().orElseThrow();
    }

    /** The first message Slack took with a key that starts so and holds that transition. */
    private String bodyWith(String start, String transition) {
        return delivered().stream().map(event -> event.getRequest().getBodyAsString())
                .filter(body -> SlackKeys.in(body).stream().anyMatch(key -> key.startsWith(start) && key.contains(transition)))
                .findFirst().orElseThrow();
    }

    private List<ServeEvent> delivered() {
        List<ServeEvent> events = new ArrayList<>(slack.getAllServeEvents());
        events.sort(java.util.Comparator.comparing(event -> event.getRequest().getLoggedDate()));
        return events.stream().filter(event -> event.getResponse().getStatus() == 200).toList();
    }
}
