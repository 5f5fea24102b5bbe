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
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.sentinel.testing.InProcessDaemon;
import io.sentinel.testing.SlackKeys;
import io.sentinel.testing.StatusView;
import io.sentinel.testing.MailTexts;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Alerts reaching a real Slack stand-in (WireMock) and a real SMTP server (GreenMail) from the running daemon. */
class AlertDeliveryIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path directory;

    private WireMockServer target;
    private WireMockServer slack;

    @BeforeEach
    void startServers() {
        target = new WireMockServer(options().dynamicPort());
        target.start();
        target.stubFor(get("/health").willReturn(serverError()));
        slack = new WireMockServer(options().dynamicPort());
        slack.start();
    }

    @AfterEach
    void stopServers() {
        target.stop();
        slack.stop();
    }

    private String config(int checks) {
        return config(checks, "");
    }

    /** @param alertSettings more lines under {@code alerts:}, indented by two spaces */
    private String config(int checks, String alertSettings) {
        StringBuilder yaml = new StringBuilder("""
                defaults:
                  interval: 200ms
                  timeout: 1s
                  failureThreshold: 1
                dependencies:
                  - id: supabase
                    breaker: {window: 100, minimumCalls: 100}
                checks:
                """);
        for (int i = 0; i < checks; i++) {
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
                    - {id: ops-slack, type: slack, webhookUrl: "http://localhost:%d/services/T000/B000/XXXX"}
                    - {id: ops-email, type: email, host: localhost, port: %d, security: none,
                       from: sentinel@prospectpro.test, to: [oncall@prospectpro.test]}
                  routing: {critical: [ops-slack], high: [ops-slack], medium: [ops-slack]}
                """.formatted(slack.port(), MAIL.getSmtp().getPort())).append(alertSettings);
        return yaml.toString();
    }

    @Test
    void slackServerErrorsAreRetriedAndTheAlertIsDeliveredOnce() throws Exception {
        slack.stubFor(post("/services/T000/B000/XXXX").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(serverError().withBody("rollup_error")).willSetStateTo("1"));
        slack.stubFor(post("/services/T000/B000/XXXX").inScenario("flaky").whenScenarioStateIs("1")
                .willReturn(serverError()).willSetStateTo("2"));
        slack.stubFor(post("/services/T000/B000/XXXX").inScenario("flaky").whenScenarioStateIs("2")
                .willReturn(serverError()).willSetStateTo("3"));
        slack.stubFor(post("/services/T000/B000/XXXX").inScenario("flaky").whenScenarioStateIs("3")
                .willReturn(aResponse().withStatus(200).withBody("ok")));

        try (InProcessDaemon daemon = InProcessDaemon.start(directory, config(1), Map.of(), Clock.systemUTC())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> slackRequests().size() >= 4);
            Thread.sleep(1_500);

            assertThat(slackRequests()).hasSize(4);
            assertThat(slackRequests()).extracting(LoggedRequest::getBodyAsString)
                    .allMatch(body -> body.contains("check-0") && body.contains("/FIRING-DOWN/ops-slack"));
        }
    }

    @Test
    void aRetryAfterIsHonouredBeforeTheNextTry() throws Exception {
        slack.stubFor(post("/services/T000/B000/XXXX").inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2").withBody("rate_limited"))
                .willSetStateTo("free"));
        slack.stubFor(post("/services/T000/B000/XXXX").inScenario("limited").whenScenarioStateIs("free")
                .willReturn(aResponse().withStatus(200).withBody("ok")));

        try (InProcessDaemon daemon = InProcessDaemon.start(directory, config(1), Map.of(), Clock.systemUTC())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> slackRequests().size() >= 2);

            List<LoggedRequest> requests = slackRequests();
            long gap = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
            assertThat(gap).as("milliseconds between the 429 and the next try").isGreaterThanOrEqualTo(2_000);
        }
    }

    @Test
    void aDeletedWebhookIsNotRetriedAndTheAlertArrivesByEmailInstead() throws Exception {
        slack.stubFor(post("/services/T000/B000/XXXX").willReturn(aResponse().withStatus(404).withBody("no_service")));

        try (InProcessDaemon daemon = InProcessDaemon.start(directory, config(1), Map.of(), Clock.systemUTC())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> MAIL.getReceivedMessages().length >= 1);
            Thread.sleep(2_000);

            assertThat(slackRequests()).as("a permanent error is not retried").hasSize(1);
            MimeMessage mail = MAIL.getReceivedMessages()[0];
            assertThat(mail.getSubject()).isEqualTo("[Sentinel][HIGH] Slack channel ops-slack broken");
            assertThat(MailTexts.plain(mail)).contains("no_service").contains("check-0");
        }
    }

    @Test
    void fiftyChecksFailingAtOnceAreAtMostTwoSlackMessagesAndNoneIsLost() throws Exception {
        slack.stubFor(post("/services/T000/B000/XXXX").willReturn(aResponse().withStatus(200).withBody("ok")));
        target.stubFor(get("/health").willReturn(okJson("{}")));

        // the fifty decisions fall within a few hundred milliseconds, on a loaded machine within a second or two: a
        // window that long lets the test be about grouping, not about how busy the machine is
        try (InProcessDaemon daemon = InProcessDaemon.start(directory, config(50, "  groupWindow: 2s\n"), Map.of(),
                Clock.systemUTC())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> StatusView.parse(daemon.get("/api/status").body())
                    .path("summary").path("UP").asInt() == 50);
            // on a loaded machine a first probe may time out and raise (and resolve) an alert of its own: once every
            // such alert's RESOLVED has arrived, the webhook's record starts afresh for the outage the test causes
            await().atMost(Duration.ofSeconds(60)).until(() -> checkAlertKeys().stream().filter(key -> key.contains(
                    "/FIRING-DOWN/")).count() == checkAlertKeys().stream().filter(key -> key.contains("/RESOLVED-UP/")).count());
            slack.resetRequests();
            target.stubFor(get("/health").willReturn(serverError()));
            await().atMost(Duration.ofSeconds(120)).until(() -> checkAlertKeys().size() >= 50);
            Thread.sleep(4_500);

            List<LoggedRequest> requests = slackRequests();
            assertThat(checkAlertKeys()).doesNotHaveDuplicates().hasSize(50);
            for (int i = 0; i < 50; i++) {
                String check = "check-" + i + "@";
                assertThat(checkAlertKeys()).filteredOn(key -> key.startsWith(check)).hasSize(1);
            }
            // Slack's pace (one a second, a short burst after a quiet spell) is ChannelPaceTest's, with a clock
            assertThat(requests).as("fifty alerts decided together, in at most two messages").hasSizeBetween(1, 2);
        }
    }

    @Test
    void aSilenceFromTheApiHoldsTheAlertAndEndingItReleasesTheOneStillFiring() throws Exception {
        slack.stubFor(post("/services/T000/B000/XXXX").willReturn(aResponse().withStatus(200).withBody("ok")));
        target.stubFor(get("/health").willReturn(okJson("{}")));
        Map<String, String> token = Map.of("Authorization", "Bearer silence-token-123");
        try (InProcessDaemon daemon = InProcessDaemon.start(directory, config(1),
                Map.of("SENTINEL_ADMIN_TOKEN", "silence-token-123"), Clock.systemUTC())) {
            assertThat(daemon.post("/api/silences", "{\"check\":\"check-0\",\"duration\":\"1h\",\"reason\":\"x\"}",
                    Map.of()).statusCode()).as("no token").isEqualTo(401);
            assertThat(daemon.post("/api/silences", "{\"check\":\"check-0\",\"duration\":\"1h\"}", token).statusCode())
                    .as("no reason").isEqualTo(400);
            var created = daemon.post("/api/silences",
                    "{\"check\":\"check-0\",\"duration\":\"1h\",\"reason\":\"planned restart\"}", token);
            assertThat(created.statusCode()).isEqualTo(201);
            String id = io.sentinel.testing.StatusView.parse(created.body()).path("id").asText();
            assertThat(daemon.get("/api/silences").body()).contains(id).contains("planned restart");

            target.stubFor(get("/health").willReturn(serverError()));
            await().atMost(Duration.ofSeconds(15)).until(() -> daemon.json("/api/checks/check-0", "/state").equals("DOWN"));
            Thread.sleep(1_500);
            assertThat(slackRequests()).as("held by the silence").isEmpty();

            var ended = daemon.delete("/api/silences/" + id, token);
            assertThat(ended.statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> slackRequests().size() == 1);
            assertThat(slackRequests().get(0).getBodyAsString()).contains("still firing");
        }
    }

    /** The keys of the checks' alerts in every Slack message, however many each message carries. */
    private List<String> checkAlertKeys() {
        return slackRequests().stream().flatMap(request -> SlackKeys.in(request.getBodyAsString()).stream())
                .filter(key -> key.startsWith("check-")).toList();
    }

    private List<LoggedRequest> slackRequests() {
        return slack.findAll(postRequestedFor(urlEqualTo("/services/T000/B000/XXXX")));
    }
}
