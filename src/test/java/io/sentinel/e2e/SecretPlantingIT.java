package io.sentinel.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.sentinel.alert.email.ScriptedSmtpServer;
import io.sentinel.testing.DaemonProcess;
import io.sentinel.testing.StatusView;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets planted where users put them (provider keys, Slack webhooks, the SMTP password, the admin token, the
 * database password inside the storage URL), echoed back by every server in every form (whole, in part, cut,
 * upper-cased, base64, URL-encoded, JSON-escaped), while checks go DOWN, alerts go out and two channels break.
 * Then every output is searched for every form of every secret: the daemon's log, every API answer, the report
 * files and everything else it wrote, every row of every table, the emails received and the Slack messages.
 */
class SecretPlantingIT {

    private static final String SMTP_USER = "alerts";
    private static final PlantedSecret HUNTER = PlantedSecret.of("HUNTER_API_KEY", "9c4Fh2Qx7Lm3Vb8Nw5Rt1Kp6Zs0Yd4Gj");
    private static final PlantedSecret GOOGLE = PlantedSecret.of("GOOGLE_PLACES_API_KEY", "AIzaSyB7x2Kq9Lm4Np1Rv8Tw3Zc6Hf0Jd5Gs2Ye");
    private static final PlantedSecret ANON_KEY = PlantedSecret.of("SUPABASE_ANON_KEY",
            "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiIsInJlZiI6InBsYW50ZWQ4In0.Xq3Lm9Vb2Nw7Rt4Kp1Zs8Yd5Gj0Hf6Cq");
    private static final PlantedSecret SMTP_PASSWORD = PlantedSecret.smtpPassword("SMTP_PASSWORD", SMTP_USER, "Sm7pQ2wX9kL4vB8nR3tY");
    private static final PlantedSecret ADMIN_TOKEN = PlantedSecret.of("SENTINEL_ADMIN_TOKEN", "Ad9Mn4Tk7Ln2Qx8Vb5Wr3Zs6");
    private static final PlantedSecret DB_PASSWORD = PlantedSecret.of("SENTINEL_DB_PASSWORD", "Db4Pw8Kx2Ln7Qs3Vt9Zr5");
    private static final String OPS_SLACK_PATH = "/services/T7Q2XK9LM/B4V8NW3RT/Zx8Kp3Lm7Vb2Nq9Wt4Rs6Yd1";
    private static final String OLD_SLACK_PATH = "/services/T3M8PZ2QW/B9K4LR7XV/Qw5Er8Ty2Ui6Op3As9Df1Gh4";
    private static final List<String> CHECKS = List.of("hunter-account", "places-search", "places-legacy", "auth-health");

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("oncall@prospectpro.test", SMTP_USER,
                    SMTP_PASSWORD.value()));

    @TempDir
    Path directory;

    private WireMockServer providers;
    private WireMockServer slack;
    private ScriptedSmtpServer refusingSmtp;
    private PlantedSecret opsWebhook;
    private PlantedSecret oldWebhook;

    @BeforeEach
    void startServers() throws IOException {
        providers = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        providers.start();
        slack = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        slack.start();
        opsWebhook = PlantedSecret.webhook("SLACK_WEBHOOK_URL", "http://127.0.0.1:" + slack.port() + OPS_SLACK_PATH);
        oldWebhook = PlantedSecret.webhook("SLACK_OLD_WEBHOOK_URL", "http://127.0.0.1:" + slack.port() + OLD_SLACK_PATH);
        refusingSmtp = new ScriptedSmtpServer(Optional.empty())
                .reply("AUTH", "535 5.7.8 Authentication failed: " + ScriptedSmtpServer.AUTH_DATA
                        + " | " + SMTP_PASSWORD.echoed());
        echoSecretsFromEveryServer();
    }

    @AfterEach
    void stopServers() throws IOException {
        providers.stop();
        slack.stop();
        refusingSmtp.close();
    }

    @Test
    void noPlantedSecretComesOutInAnyForm() throws Exception {
        Map<String, String> outputs = new LinkedHashMap<>();
        Files.createDirectories(directory.resolve("config"));
        Files.writeString(directory.resolve("config/sentinel.yaml"), config());

        DaemonProcess daemon = DaemonProcess.start(directory, environment());
        try {
            awaitAlertsAndBrokenChannels();
            outputs.putAll(operatorActions(daemon));
            outputs.putAll(apiAnswers(daemon));
        } finally {
            daemon.stop();
        }
        outputs.put("daemon log", daemon.log());
        outputs.putAll(filesUnder(directory));
        outputs.putAll(databaseRows());
        outputs.putAll(emailsReceived());
        outputs.putAll(slackMessagesReceived());

        assertThat(outputs).as("outputs collected").hasSizeGreaterThan(20);
        // the echoes came back and were read, masked: the scan below is not vacuous
        assertThat(outputs.get("daemon log")).contains("Slack channel old-slack broken").contains("no_service: ****")
                .contains("535 5.7.8 Authentication failed: ****");
        for (String check : CHECKS) {
            assertThat(outputs.get("GET /api/checks/" + check + "/history")).as(check).contains("****");
        }
        List<String> leaks = new ArrayList<>();
        for (PlantedSecret secret : secrets()) {
            outputs.forEach((where, text) -> secret.foundIn(text).ifPresent(form ->
                    leaks.add(secret.name() + " as '" + form + "' in " + where + ": …" + around(text, form) + "…")));
        }
        assertThat(leaks).as("planted secrets found in outputs").isEmpty();
    }

    private List<PlantedSecret> secrets() {
        return List.of(HUNTER, GOOGLE, ANON_KEY, SMTP_PASSWORD, ADMIN_TOKEN, DB_PASSWORD, opsWebhook, oldWebhook);
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        secrets().forEach(secret -> environment.put(secret.name(), secret.value()));
        return environment;
    }

    private String config() {
        String providerUrl = "http://127.0.0.1:" + providers.port();
        String email = """
                    - {id: %s, type: email, host: 127.0.0.1, port: %d, security: none, username: %s,
                       password: "${SMTP_PASSWORD}", from: sentinel@prospectpro.test, to: [oncall@prospectpro.test]}
                """;
        return """
                server:
                  adminToken: ${SENTINEL_ADMIN_TOKEN}
                storage:
                  url: "jdbc:h2:file:./data/sentinel;PASSWORD=${SENTINEL_DB_PASSWORD}"
                defaults: {interval: 500ms, timeout: 10s, failureThreshold: 1, successThreshold: 1}
                dependencies:
                  # breakers that stay closed, so that every probe reaches the servers and reads their echo
                  - {id: hunter, breaker: {window: 1000, minimumCalls: 1000}}
                  - {id: google-places, breaker: {window: 1000, minimumCalls: 1000}}
                  - {id: supabase-auth, breaker: {window: 1000, minimumCalls: 1000}}
                checks:
                  - {id: hunter-account, dependency: hunter, kind: hunter, severity: critical,
                     baseUrl: "%1$s", apiKey: "${HUNTER_API_KEY}"}
                  - {id: places-search, dependency: google-places, kind: google-places, severity: critical,
                     baseUrl: "%1$s", apiKey: "${GOOGLE_PLACES_API_KEY}"}
                  - {id: places-legacy, dependency: google-places, kind: google-places, mode: legacy, severity: critical,
                     legacyBaseUrl: "%1$s", apiKey: "${GOOGLE_PLACES_API_KEY}"}
                  - {id: auth-health, dependency: supabase-auth, kind: http, severity: critical,
                     url: "%1$s/auth/v1/health", headers: {apikey: "${SUPABASE_ANON_KEY}"}}
                alerts:
                  channels:
                    - {id: ops-slack, type: slack, webhookUrl: "${SLACK_WEBHOOK_URL}"}
                    - {id: old-slack, type: slack, webhookUrl: "${SLACK_OLD_WEBHOOK_URL}"}
                """.formatted(providerUrl)
                + email.formatted("ops-email", MAIL.getSmtp().getPort(), SMTP_USER)
                + email.formatted("relay-email", refusingSmtp.port(), SMTP_USER)
                + """
                  routing:
                    critical: [ops-slack, old-slack, ops-email, relay-email]
                    high: [ops-slack, old-slack, ops-email, relay-email]
                    medium: [ops-slack, old-slack, ops-email, relay-email]
                """;
    }

    /** Every provider refuses the key and quotes it back; the old webhook fails, then is gone, quoting itself. */
    private void echoSecretsFromEveryServer() {
        providers.stubFor(any(urlPathEqualTo("/v2/account")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":[{\"id\":\"authentication_failed\",\"code\":401,\"details\":\"No user found for the API key "
                        + json(HUNTER.echoed()) + "\"}]}")));
        providers.stubFor(post(urlEqualTo("/v1/places:searchText")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":400,\"message\":\"API key not valid: " + json(GOOGLE.echoed())
                        + "\",\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\","
                        + "\"reason\":\"API_KEY_INVALID\",\"domain\":\"googleapis.com\",\"metadata\":{\"key\":\""
                        + GOOGLE.value() + "\"}}]}}")));
        providers.stubFor(any(urlPathEqualTo("/maps/api/place/findplacefromtext/json")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"candidates\":[],\"status\":\"REQUEST_DENIED\",\"error_message\":\"The provided API key is invalid: "
                        + json(GOOGLE.echoed()) + " in {{request.url}}\"}").withTransformers("response-template")));
        providers.stubFor(any(urlPathEqualTo("/auth/v1/health")).willReturn(aResponse().withStatus(500)
                .withBody("upstream rejected apikey " + ANON_KEY.echoed())));

        slack.stubFor(post(urlEqualTo(OPS_SLACK_PATH)).willReturn(aResponse().withStatus(200).withBody("ok")));
        slack.stubFor(post(urlEqualTo(OLD_SLACK_PATH)).inScenario("old").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("<html>proxy error for " + oldWebhook.echoed() + "</html>"))
                .willSetStateTo("gone"));
        slack.stubFor(post(urlEqualTo(OLD_SLACK_PATH)).inScenario("old").whenScenarioStateIs("gone")
                .willReturn(aResponse().withStatus(404).withBody("no_service: " + oldWebhook.echoed())));
    }

    private void awaitAlertsAndBrokenChannels() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                received(OPS_SLACK_PATH).stream().anyMatch(body -> body.contains("relay-email broken"))
                        && mailSubjects().stream().anyMatch(subject -> subject.contains("old-slack broken"))
                        && CHECKS.stream().allMatch(check -> received(OPS_SLACK_PATH).stream().anyMatch(body -> body.contains(check))));
    }

    /** The token used as it should be, and pieces of it sent wrongly: none of it may come back. */
    private Map<String, String> operatorActions(DaemonProcess daemon) throws IOException, InterruptedException {
        Map<String, String> answers = new LinkedHashMap<>();
        String token = ADMIN_TOKEN.value();
        answers.put("force-open answer", answer(daemon.post("/api/breakers/hunter/force-open",
                "{\"reason\":\"key rotation\"}", Map.of("Authorization", "Bearer " + token))));
        answers.put("wrong token answer", answer(daemon.post("/api/breakers/hunter/close",
                "{\"reason\":\"x\"}", Map.of("Authorization", "Bearer " + token.substring(0, 12) + "x"))));
        answers.put("token as dependency answer", answer(daemon.post("/api/breakers/" + token + "/close",
                "{\"reason\":\"x\"}", Map.of("Authorization", "Bearer " + token))));
        answers.put("token as check answer", answer(daemon.get("/api/checks/" + token)));
        answers.put("close answer", answer(daemon.post("/api/breakers/hunter/close", "{\"reason\":\"rotated\"}",
                Map.of("Authorization", "Bearer " + token))));
        return answers;
    }

    private Map<String, String> apiAnswers(DaemonProcess daemon) throws IOException, InterruptedException {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : List.of("/api/status", "/api/breakers", "/api/incidents", "/api/incidents?kind=alert",
                "/api/costs", "/api/silences", "/observe/metrics", "/observe/health", "/")) {
            answers.put("GET " + path, answer(daemon.get(path)));
        }
        for (String check : CHECKS) {
            answers.put("GET /api/checks/" + check, answer(daemon.get("/api/checks/" + check)));
            answers.put("GET /api/checks/" + check + "/history", answer(daemon.get("/api/checks/" + check + "/history")));
        }
        List<String> ids = new ArrayList<>();
        for (String kind : List.of("outage", "alert")) {
            StatusView.parse(daemon.get("/api/incidents?kind=" + kind).body()).path("incidents")
                    .forEach(incident -> ids.add(incident.path("id").asText()));
        }
        assertThat(ids).as("incidents").isNotEmpty();
        for (String id : ids) {
            answers.put("GET /api/incidents/" + id, answer(daemon.get("/api/incidents/" + id)));
            answers.put("GET /api/incidents/" + id + "/report.md", answer(daemon.get("/api/incidents/" + id + "/report.md")));
        }
        return answers;
    }

    private static String answer(HttpResponse<String> response) {
        assertThat(response.headers().map()).as("request headers sent back").doesNotContainKeys("authorization", "user-agent");
        return response.statusCode() + " " + response.headers().map() + "\n" + response.body();
    }

    /** Every file the daemon wrote: reports, spool files, the raw database file, the log. */
    private static Map<String, String> filesUnder(Path root) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                files.put("file " + root.relativize(file), new String(bytes, StandardCharsets.ISO_8859_1)
                        + "\n" + new String(bytes, StandardCharsets.UTF_8));
            }
        }
        assertThat(files.keySet()).anyMatch(name -> name.contains("reports")).anyMatch(name -> name.endsWith(".mv.db"));
        return files;
    }

    private Map<String, String> databaseRows() throws SQLException {
        Map<String, String> rows = new LinkedHashMap<>();
        String url = "jdbc:h2:file:" + directory.resolve("data/sentinel").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url, "sa", DB_PASSWORD.value())) {
            List<String> tables = new ArrayList<>();
            try (ResultSet found = connection.createStatement().executeQuery(
                    "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
                while (found.next()) {
                    tables.add(found.getString(1));
                }
            }
            assertThat(tables).contains("NOTIFICATION", "PROBE_RESULT");
            for (String table : tables) {
                StringBuilder text = new StringBuilder();
                try (ResultSet row = connection.createStatement().executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = row.getMetaData().getColumnCount();
                    while (row.next()) {
                        for (int column = 1; column <= columns; column++) {
                            text.append(row.getString(column)).append(" | ");
                        }
                        text.append('\n');
                    }
                }
                rows.put("table " + table, text.toString());
            }
        }
        return rows;
    }

    private static Map<String, String> emailsReceived() throws Exception {
        Map<String, String> emails = new LinkedHashMap<>();
        MimeMessage[] messages = MAIL.getReceivedMessages();
        assertThat(messages).as("emails").isNotEmpty();
        for (int i = 0; i < messages.length; i++) {
            emails.put("email " + i + " " + messages[i].getSubject(), GreenMailUtil.getWholeMessage(messages[i])
                    + "\n" + GreenMailUtil.getBody(messages[i]) + "\n" + decodedParts(messages[i]));
        }
        return emails;
    }

    private static String decodedParts(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (!(content instanceof jakarta.mail.Multipart parts)) {
            return String.valueOf(content);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts.getCount(); i++) {
            text.append(parts.getBodyPart(i).getContent()).append('\n');
        }
        return text.toString();
    }

    private Map<String, String> slackMessagesReceived() {
        Map<String, String> messages = new LinkedHashMap<>();
        List<LoggedRequest> requests = slack.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).as("Slack messages").isNotEmpty();
        for (int i = 0; i < requests.size(); i++) {
            // the URL is where the message went, not something the daemon showed: only the body is an output
            messages.put("Slack message " + i, requests.get(i).getBodyAsString());
        }
        return messages;
    }

    private List<String> received(String path) {
        return slack.findAll(postRequestedFor(urlEqualTo(path))).stream().map(LoggedRequest::getBodyAsString).toList();
    }

    private static List<String> mailSubjects() {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            try {
                subjects.add(message.getSubject());
            } catch (jakarta.mail.MessagingException unreadable) {
                subjects.add("");
            }
        }
        return subjects;
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String around(String text, String form) {
        int at = text.toLowerCase(java.util.Locale.ROOT).indexOf(form.toLowerCase(java.util.Locale.ROOT));
        return text.substring(Math.max(0, at - 80), Math.min(text.length(), at + form.length() + 40)).replaceAll("\\s+", " ");
    }
}
