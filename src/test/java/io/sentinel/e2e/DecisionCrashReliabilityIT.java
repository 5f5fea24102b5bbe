package io.sentinel.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.sentinel.testing.DaemonProcess;
import io.sentinel.testing.PostgresSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kill -9 at many instants around a decision, on H2 and on PostgreSQL: a check goes DOWN and stays down
 * through five crashes, then recovers. People hear of exactly one incident, its FIRING at least once and at
 * most once more per crash that caught a message in flight, and its RESOLVED after it, under the same id.
 */
class DecisionCrashReliabilityIT {

    private static final Pattern KEY = Pattern.compile("([A-Za-z0-9._:@-]+)/(FIRING|RESOLVED)-[A-Z]+/ops-slack");
    private static final int KILLS = 5;

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
        // slow enough that a kill often lands while a message is in flight
        slack.stubFor(post("/hook").willReturn(aResponse().withStatus(200).withBody("ok").withFixedDelay(400)));
    }

    @AfterEach
    void stop() {
        target.stop();
        slack.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void oneOutageThroughFiveCrashesIsOneIncidentToldOnceAndResolvedOnce(String database) throws Exception {
        writeConfig(database);
        Random random = new Random(20261202L);
        for (int kill = 0; kill < KILLS; kill++) {
            try (DaemonProcess daemon = DaemonProcess.start(directory, Map.of())) {
                if (kill == 0) {
                    await().atMost(Duration.ofSeconds(30)).until(() -> !firings().isEmpty());
                }
                // the first kill lands right after the decision; the others anywhere in the next second and a half
                Thread.sleep(kill == 0 ? 0 : random.nextInt(1_500));
                daemon.kill();
            }
        }
        target.stubFor(get("/health").willReturn(ok("fine")));
        try (DaemonProcess last = DaemonProcess.start(directory, Map.of())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !resolves().isEmpty());
            Thread.sleep(1_500);
            last.stop();
        }

        try {
            assertOneIncidentToldOnce();
        } catch (AssertionError failed) {
            throw new AssertionError(failed.getMessage() + "\nWhat each run logged of its database, states and"
                    + " decisions:\n" + decisionLines(), failed);
        }
    }

    private void assertOneIncidentToldOnce() {
        List<String> firings = firings();
        List<String> resolves = resolves();
        assertThat(firings).as("one incident, whatever the crashes").isNotEmpty().allMatch(firings.get(0)::equals);
        assertThat(firings.size()).as("the FIRING, plus at most one in flight per kill").isBetween(1, 1 + KILLS);
        assertThat(resolves).as("resolved once, for the incident people were told about").containsExactly(firings.get(0));
        assertThat(lastIndexOf("FIRING")).as("the RESOLVED comes after every FIRING").isLessThan(firstIndexOf("RESOLVED"));
    }

    /** The lines of every run's log that tell how it picked up the previous run's state, oldest run first. */
    private String decisionLines() throws java.io.IOException {
        try (java.util.stream.Stream<Path> logs = Files.list(directory)) {
            StringBuilder lines = new StringBuilder();
            for (Path log : logs.filter(file -> file.getFileName().toString().startsWith("daemon-"))
                    .sorted(java.util.Comparator.comparing(DecisionCrashReliabilityIT::modified)).toList()) {
                lines.append("--- ").append(log.getFileName()).append('\n');
                Files.readAllLines(log).stream()
                        .filter(line -> line.matches(".*(Database|[Rr]estor|DOWN|incident|WARN|ERROR).*"))
                        .forEach(line -> lines.append(line).append('\n'));
            }
            return lines.toString();
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (java.io.IOException gone) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    private void writeConfig(String database) throws Exception {
        String storage = database.equals("h2") ? "" : """
                storage:
                  url: "%s"
                  username: postgres
                """.formatted(PostgresSchemas.fresh("decision_crash"));
        Files.createDirectories(directory.resolve("config"));
        Files.writeString(directory.resolve("config/sentinel.yaml"), storage + """
                defaults: {interval: 200ms, timeout: 1s, failureThreshold: 2, successThreshold: 2}
                dependencies:
                  - id: web
                    breaker: {window: 1000, minimumCalls: 1000, failureRate: 100}
                checks:
                  - {id: home, dependency: web, kind: http, severity: critical, url: "http://localhost:%d/health"}
                alerts:
                  channels:
                    - {id: ops-slack, type: slack, webhookUrl: "http://localhost:%d/hook"}
                  routing: {critical: [ops-slack]}
                """.formatted(target.port(), slack.port()));
    }

    private List<String> firings() {
        return incidents("FIRING");
    }

    private List<String> resolves() {
        return incidents("RESOLVED");
    }

    /** Incident ids of the messages of one status, in the order Slack received them. */
    private List<String> incidents(String status) {
        return received().stream().map(KEY::matcher).filter(Matcher::find)
                .filter(key -> key.group(2).equals(status)).map(key -> key.group(1)).toList();
    }

    private int firstIndexOf(String status) {
        List<String> bodies = received();
        for (int i = 0; i < bodies.size(); i++) {
            Matcher key = KEY.matcher(bodies.get(i));
            if (key.find() && key.group(2).equals(status)) {
                return i;
            }
        }
        return -1;
    }

    private int lastIndexOf(String status) {
        List<String> bodies = received();
        for (int i = bodies.size() - 1; i >= 0; i--) {
            Matcher key = KEY.matcher(bodies.get(i));
            if (key.find() && key.group(2).equals(status)) {
                return i;
            }
        }
        return -1;
    }

    /** Every message body Slack received, oldest first. */
    private List<String> received() {
        return slack.getAllServeEvents().stream()
                .sorted(java.util.Comparator.comparing((ServeEvent event) -> event.getRequest().getLoggedDate()))
                .map(event -> event.getRequest().getBodyAsString()).toList();
    }
}
