package io.sentinel.heartbeat;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.sentinel.testing.DaemonProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon, started from the jar, pings {@code heartbeat.url} (WireMock standing in for Healthchecks.io) while it
 * is healthy; a monitor that fails is counted and logged once, and the URL's token shows up nowhere.
 */
class HeartbeatIT {

    private static final String TOKEN = "c41e9b0a-7d2f-4a8e-b5c3-19f0d6e2a7b4";
    private static final String PING = "/ping/" + TOKEN;

    @TempDir
    Path directory;

    @Test
    void theDaemonPingsWhileHealthyAndAFailingMonitorIsCountedNotAlerted() throws Exception {
        WireMockServer monitor = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        monitor.start();
        monitor.stubFor(get(PING).willReturn(serverError()));
        monitor.stubFor(get("/health").willReturn(okJson("{\"status\":\"ok\"}")));
        try {
            Files.createDirectories(directory.resolve("config"));
            Files.writeString(directory.resolve("config/sentinel.yaml"), """
                    heartbeat:
                      url: ${SENTINEL_HEARTBEAT_URL}
                      interval: 1s
                    dependencies:
                      - id: web
                    checks:
                      - {id: home, dependency: web, kind: http, interval: 5s, url: "http://127.0.0.1:%d/health"}
                    """.formatted(monitor.port()));
            String log;
            try (DaemonProcess daemon = DaemonProcess.start(directory,
                    Map.of("SENTINEL_HEARTBEAT_URL", "http://127.0.0.1:" + monitor.port() + PING))) {
                await().atMost(Duration.ofSeconds(60)).until(() -> pings(daemon, "failed") >= 3);
                monitor.stubFor(get(PING).willReturn(ok("OK")));
                await().atMost(Duration.ofSeconds(60)).until(() -> pings(daemon, "sent") >= 2);
                daemon.stop();
                log = daemon.log();
            }

            assertThat(monitor.findAll(getRequestedFor(urlEqualTo(PING))).size()).isGreaterThanOrEqualTo(5);
            assertThat(log.lines().filter(line -> line.contains("Heartbeat ping to 127.0.0.1 failed (HTTP 500)")))
                    .as("one warning for the whole stretch of failures").hasSize(1);
            assertThat(log).contains("Heartbeat pings to 127.0.0.1 work again").doesNotContain("FIRING")
                    .doesNotContain(TOKEN);
        } finally {
            monitor.stop();
        }
    }

    private static double pings(DaemonProcess daemon, String outcome) throws Exception {
        String metrics = daemon.get("/observe/metrics").body();
        Matcher value = Pattern.compile("(?m)^sentinel_heartbeat_pings_total\\{outcome=\"" + outcome + "\"} (\\S+)$")
                .matcher(metrics);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }
}
