package io.sentinel.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.sentinel.testing.DaemonProcess;
import io.sentinel.testing.SlackAlertsConfig;
import io.sentinel.testing.SlackKeys;
import io.sentinel.testing.StatusView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 with notifications still undelivered: after a restart every one is delivered, and none twice. */
class AlertCrashIT {

    @TempDir
    Path directory;

    private WireMockServer target;
    private WireMockServer slack;

    @BeforeEach
    void start() throws Exception {
        target = new WireMockServer(options().dynamicPort());
        target.start();
        target.stubFor(get("/health").willReturn(serverError()));
        slack = new WireMockServer(options().dynamicPort());
        slack.start();
        slack.stubFor(post("/hook").willReturn(serverError().withBody("rollup_error")));
        StringBuilder yaml = new StringBuilder("""
                defaults: {interval: 300ms, timeout: 1s, failureThreshold: 1}
                dependencies:
                  - id: supabase
                    breaker: {window: 1000, minimumCalls: 1000}
                checks:
                """);
        for (int i = 0; i < 5; i++) {
            yaml.append("  - {id: check-%d, dependency: supabase, kind: http, url: \"http://localhost:%d/health\"}\n"
                    .formatted(i, target.port()));
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
    void everyPendingNotificationIsDeliveredExactlyOnceAfterAKill() throws Exception {
        Set<String> queued;
        try (DaemonProcess first = DaemonProcess.start(directory, Map.of())) {
            // Slack fails, so the channel pauses and only its oldest notification is tried: wait until all five are
            // in the outbox and the channel has been tried
            await().atMost(Duration.ofSeconds(30)).until(() -> queuedKeys(first).size() == 5 && !attemptedKeys().isEmpty());
            queued = queuedKeys(first);
            first.kill();
        }
        assertThat(delivered()).as("nothing could be delivered before the kill").isEmpty();

        slack.stubFor(post("/hook").willReturn(aResponse().withStatus(200).withBody("ok")));
        try (DaemonProcess second = DaemonProcess.start(directory, Map.of())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> delivered().size() == 5);
            Thread.sleep(2_000);

            Map<String, Long> deliveries = delivered().stream().collect(Collectors.groupingBy(Function.identity(),
                    Collectors.counting()));
            assertThat(deliveries).hasSize(5).allSatisfy((key, times) -> assertThat(times).as(key).isEqualTo(1L));
            assertThat(deliveries.keySet()).isEqualTo(queued);
        }
    }

    /** The keys of the Slack notifications in the outbox, from the incident API. */
    private static Set<String> queuedKeys(DaemonProcess daemon) throws Exception {
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

    private Set<String> attemptedKeys() {
        return slack.getAllServeEvents().stream().flatMap(event -> keys(event).stream()).collect(Collectors.toSet());
    }

    /** The keys of every message Slack took: a message sent together carries several. */
    private List<String> delivered() {
        return slack.getAllServeEvents().stream().filter(event -> event.getResponse().getStatus() == 200)
                .flatMap(event -> keys(event).stream()).toList();
    }

    private static List<String> keys(ServeEvent event) {
        return SlackKeys.in(event.getRequest().getBodyAsString());
    }
}
