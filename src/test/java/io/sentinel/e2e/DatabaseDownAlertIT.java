package io.sentinel.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.sentinel.testing.DaemonProcess;
import io.sentinel.testing.InProcessDaemon;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With the database down an alert still goes out; when it is back, the outbox table catches up. */
class DatabaseDownAlertIT {

    @TempDir
    Path directory;

    private WireMockServer target;
    private WireMockServer slack;
    private Server database;
    private int databasePort;

    @BeforeEach
    void start() throws Exception {
        target = new WireMockServer(options().dynamicPort());
        target.start();
        target.stubFor(get("/health").willReturn(okJson("{}")));
        slack = new WireMockServer(options().dynamicPort());
        slack.start();
        slack.stubFor(post("/hook").willReturn(aResponse().withStatus(200).withBody("ok")));
        databasePort = DaemonProcess.freePort();
        database = startDatabase();
    }

    private Server startDatabase() throws Exception {
        return Server.createTcpServer("-tcpPort", String.valueOf(databasePort), "-ifNotExists", "-baseDir",
                directory.resolve("h2").toString()).start();
    }

    @AfterEach
    void stop() {
        target.stop();
        slack.stop();
        database.stop();
    }

    @Test
    void anAlertRaisedDuringADatabaseOutageIsDeliveredAndRecordedLater() throws Exception {
        String url = "jdbc:h2:tcp://localhost:" + databasePort + "/sentinel";
        String yaml = """
                storage:
                  url: %s
                  reportsDirectory: %s/reports
                defaults: {interval: 200ms, timeout: 1s, failureThreshold: 2}
                dependencies:
                  - id: supabase
                    breaker: {window: 1000, minimumCalls: 1000}
                checks:
                  - {id: db-ping, dependency: supabase, kind: http, severity: critical, url: "http://localhost:%d/health"}
                alerts:
                  channels:
                    - {id: ops-slack, type: slack, webhookUrl: "http://localhost:%d/hook"}
                """.formatted(url, directory, target.port(), slack.port());
        try (InProcessDaemon daemon = InProcessDaemon.start(directory, yaml, Map.of(), Clock.systemUTC())) {
            await().atMost(Duration.ofSeconds(15)).until(() -> daemon.json("/api/checks/db-ping", "/state").equals("UP"));

            database.stop();
            target.stubFor(get("/health").willReturn(serverError()));

            await().atMost(Duration.ofSeconds(60)).until(() ->
                    slack.findAll(postRequestedFor(urlEqualTo("/hook"))).size() == 1);
            assertThat(slack.findAll(postRequestedFor(urlEqualTo("/hook"))).get(0).getBodyAsString())
                    .contains("db-ping").contains("FIRING-DOWN");
            var history = daemon.get("/api/checks/db-ping/history");
            assertThat(history.statusCode()).as("no stack trace, a JSON answer").isEqualTo(503);
            assertThat(history.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(history.body()).startsWith("{").contains("the database is unavailable").doesNotContain("\tat ");

            database = startDatabase();
            await().atMost(Duration.ofSeconds(60)).until(() -> deliveredInTable(url) == 2);
        }
    }

    /** Rows in the outbox table marked delivered: the Slack message and the log line. */
    private static int deliveredInTable(String url) {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             ResultSet rows = connection.createStatement().executeQuery(
                     "select count(*) from notification where state = 'DELIVERED' and kind = 'ALERT'")) {
            rows.next();
            return rows.getInt(1);
        } catch (Exception notYet) {
            return -1;
        }
    }
}
