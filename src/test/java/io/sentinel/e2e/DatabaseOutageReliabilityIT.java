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
import io.sentinel.testing.SlackKeys;
import io.sentinel.testing.StatusView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away for a minute under the running daemon while its checks go DOWN and come back: people
 * are told anyway, each alert once, and when the database returns every result and every decision reaches it,
 * none lost, none twice. The database is an H2 server in this JVM, stopped and started on the same port.
 */
class DatabaseOutageReliabilityIT {

    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("sentinel.drill.outageSeconds", 60));
    private static final int CHECKS = 5;

    @TempDir
    Path directory;
    @TempDir
    Path databaseDirectory;

    private WireMockServer target;
    private WireMockServer slack;
    private Server database;
    private int databasePort;

    @BeforeEach
    void start() throws Exception {
        target = new WireMockServer(options().dynamicPort());
        target.start();
        target.stubFor(get("/health").willReturn(ok("fine")));
        slack = new WireMockServer(options().dynamicPort());
        slack.start();
        slack.stubFor(post("/hook").willReturn(aResponse().withStatus(200).withBody("ok")));
        databasePort = DaemonProcess.freePort();
        startDatabase();
        StringBuilder yaml = new StringBuilder("""
                storage:
                  url: "jdbc:h2:tcp://localhost:%d/sentinel"
                  username: sa
                defaults: {interval: 250ms, timeout: 1s, failureThreshold: 2, successThreshold: 2}
                dependencies:
                  - id: web
                    breaker: {window: 1000, minimumCalls: 1000, failureRate: 100}
                checks:
                """.formatted(databasePort));
        for (int i = 0; i < CHECKS; i++) {
            yaml.append("  - {id: check-%d, dependency: web, kind: http, severity: critical, url: \"http://localhost:%d/health\"}\n"
                    .formatted(i, target.port()));
        }
        yaml.append("""
                alerts:
                  channels:
                    - {id: ops-slack, type: slack, webhookUrl: "http://localhost:%d/hook"}
                  routing: {critical: [ops-slack]}
                """.formatted(slack.port()));
        Files.createDirectories(directory.resolve("config"));
        Files.writeString(directory.resolve("config/sentinel.yaml"), yaml.toString());
    }

    @AfterEach
    void stop() {
        target.stop();
        slack.stop();
        if (database != null) {
            database.stop();
        }
    }

    @Test
    void aMinuteWithoutDatabaseLosesNothingAndTellsEveryAlertOnce() throws Exception {
        try (DaemonProcess daemon = DaemonProcess.start(directory, Map.of())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> StatusView.state(daemon, "check-0").equals("UP"));

            database.stop();
            target.stubFor(get("/health").willReturn(serverError()));
            await().atMost(Duration.ofSeconds(60)).until(() -> deliveries().keySet().stream()
                    .filter(key -> key.contains("/FIRING-")).count() == CHECKS);
            Thread.sleep(OUTAGE.toMillis() / 2);
            target.stubFor(get("/health").willReturn(ok("fine")));
            await().atMost(Duration.ofSeconds(60)).until(() -> deliveries().keySet().stream()
                    .filter(key -> key.contains("/RESOLVED-")).count() == CHECKS);
            Thread.sleep(OUTAGE.toMillis() / 2);

            startDatabase();
            await().atMost(Duration.ofSeconds(120)).until(() -> spoolFiles().isEmpty());
            daemon.stop();
        }

        assertThat(deliveries()).as("every FIRING and RESOLVED, each once").hasSize(2 * CHECKS)
                .allSatisfy((key, times) -> assertThat(times).as(key).isEqualTo(1L));
        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:tcp://localhost:" + databasePort + "/sentinel", "sa", "");
             Statement statement = connection.createStatement()) {
            assertThat(count(statement, "SELECT COUNT(*) FROM probe_result"))
                    .as("every result in the daily report is in the database, once")
                    .isEqualTo(reportedResults());
            assertThat(count(statement, "SELECT COUNT(*) FROM alert_event"))
                    .as("the events: %s", column(statement, "SELECT id FROM alert_event ORDER BY at")).isEqualTo(2L * CHECKS);
            assertThat(count(statement, "SELECT COUNT(*) FROM notification WHERE state <> 'DELIVERED'")).isZero();
            assertThat(count(statement, "SELECT COUNT(*) FROM check_state WHERE state = 'UP'")).isEqualTo(CHECKS);
        }
    }

    private void startDatabase() throws Exception {
        database = Server.createTcpServer("-tcpPort", String.valueOf(databasePort), "-ifNotExists",
                "-baseDir", databaseDirectory.toString()).start();
    }

    /** Notification keys Slack accepted, with how often. */
    private Map<String, Long> deliveries() {
        return slack.getAllServeEvents().stream().filter(event -> event.getResponse().getStatus() == 200)
                .map(ServeEvent::getRequest).flatMap(request -> SlackKeys.in(request.getBodyAsString()).stream())
                .map(key -> key.substring(0, key.lastIndexOf('/')))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private List<Path> spoolFiles() throws Exception {
        Path spool = directory.resolve("data/spool");
        if (!Files.isDirectory(spool)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jsonl")
                    && !file.getFileName().toString().contains("rejected")).toList();
        }
    }

    private long reportedResults() throws Exception {
        try (Stream<Path> files = Files.list(directory.resolve("reports/monitoring"))) {
            long lines = 0;
            for (Path file : files.toList()) {
                lines += Files.readAllLines(file).stream().filter(line -> !line.isBlank()).count();
            }
            return lines;
        }
    }

    private static List<String> column(Statement statement, String sql) throws Exception {
        List<String> values = new java.util.ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static long count(Statement statement, String sql) throws Exception {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
