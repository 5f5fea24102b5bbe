package io.sentinel.docker;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.sentinel.testing.InProcessDaemon;
import io.sentinel.testing.StatusView;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose sandbox without containers: docker/sandbox/sentinel.yaml against the same WireMock stand-ins
 * (docker/sandbox/wiremock, served by an in-process WireMock), GreenMail in place of Mailpit and the test
 * PostgreSQL in place of the compose one. Every check works without a real key; switching a stand-in to its
 * "down" scenario state, as the sandbox README tells a newcomer to, brings the check DOWN, opens the breaker and
 * sends a Slack-shaped webhook call and an email.
 */
class SandboxTest {

    private static final Path SANDBOX = Path.of("docker", "sandbox");
    private static final String WEBHOOK_PATH = "/slack/services/T0SANDBOX/B0SANDBOX/sandbox";
    private static final Set<String> WORKING = Set.of("UP", "DEGRADED");

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path directory;

    private WireMockServer standIns;

    @BeforeEach
    void startStandIns() {
        standIns = new WireMockServer(options().dynamicPort().usingFilesUnderDirectory(SANDBOX.resolve("wiremock").toString()));
        standIns.start();
    }

    @AfterEach
    void stopStandIns() {
        standIns.stop();
    }

    @Test
    void everyCheckWorksOnTheStandInsAndASwitchedFailureOpensTheBreakerAndAlertsBothChannels() throws Exception {
        String yaml = Files.readString(SANDBOX.resolve("sentinel.yaml"))
                .replace("reportsDirectory: reports/monitoring", "reportsDirectory: " + directory.resolve("reports"));
        assertThat(yaml).as("reports go to the test's directory").contains(directory.resolve("reports").toString());
        Map<String, String> environment = Map.of(
                "SANDBOX_URL", standIns.baseUrl(),
                "SANDBOX_INTERVAL", "300ms",
                "SANDBOX_SMTP_HOST", "127.0.0.1",
                "SANDBOX_SMTP_PORT", String.valueOf(MAIL.getSmtp().getPort()),
                "SANDBOX_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test",
                "SANDBOX_DB_USER", "postgres");

        try (InProcessDaemon daemon = InProcessDaemon.start(directory, yaml, environment, Clock.systemUTC())) {
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                    assertThat(notWorking(daemon)).as("checks not UP or DEGRADED").isEmpty());

            switchScenario("hunter", "down");

            await().atMost(Duration.ofSeconds(30)).until(() -> daemon.json("/api/checks/hunter-account", "/state").equals("DOWN"));
            assertThat(daemon.json("/api/checks/hunter-account", "/lastResult/failureClass")).isEqualTo("QUOTA");
            await().atMost(Duration.ofSeconds(30)).until(() -> daemon.json("/api/breakers/hunter", "/state").equals("OPEN"));
            await().atMost(Duration.ofSeconds(30)).until(() -> webhookCalls().stream()
                    .anyMatch(call -> call.getBodyAsString().contains("hunter-account")));
            await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(MAIL.getReceivedMessages())
                    .anyMatch(message -> subject(message).contains("hunter-account")));
        }
    }

    private List<String> notWorking(InProcessDaemon daemon) throws Exception {
        List<String> problems = new ArrayList<>();
        for (JsonNode check : StatusView.parse(daemon.get("/api/status").body()).path("checks")) {
            if (!WORKING.contains(check.path("state").asText())) {
                problems.add(check.path("id").asText() + " " + check.path("state").asText() + ": "
                        + check.path("lastResult").path("message").asText());
            }
        }
        return problems;
    }

    /** As docker/sandbox/README.md tells a newcomer: through WireMock's admin API. */
    private void switchScenario(String scenario, String state) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(standIns.baseUrl() + "/__admin/scenarios/" + scenario + "/state"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"state\": \"" + state + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private List<LoggedRequest> webhookCalls() {
        return standIns.findAll(postRequestedFor(urlEqualTo(WEBHOOK_PATH)));
    }

    private static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (jakarta.mail.MessagingException unreadable) {
            return "";
        }
    }
}
