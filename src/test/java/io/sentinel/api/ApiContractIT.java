package io.sentinel.api;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.sentinel.json.Json;
import io.sentinel.testing.DaemonProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API's error contract on the real jar, one promise per test: JSON for every answer, the right status for
 * each kind of mistake, nothing from the request in the response headers, the admin token only from the
 * Authorization header, and no stack trace in the log for any of it. {@link ApiFuzzingIT} checks the same
 * promises on thousands of generated requests.
 */
class ApiContractIT {

    private static final String TOKEN = "contract-admin-token-5d2f0e";
    private static final String SILENCE = "{\"dependency\": \"hunter\", \"duration\": \"1h\", \"reason\": \"contract test\"}";

    @TempDir
    static Path directory;

    private static WireMockServer provider;
    private static DaemonProcess daemon;
    private static RawHttp http;

    @BeforeAll
    static void start() throws Exception {
        provider = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        provider.start();
        provider.stubFor(get("/v2/account").willReturn(okJson("{}")));
        Files.createDirectories(directory.resolve("config"));
        Files.writeString(directory.resolve("config/sentinel.yaml"), """
                defaults:
                  interval: 5s
                dependencies:
                  - id: hunter
                checks:
                  - id: hunter-account
                    dependency: hunter
                    kind: http
                    url: http://127.0.0.1:%d/v2/account
                """.formatted(provider.port()));
        daemon = DaemonProcess.start(directory, Map.of("SENTINEL_ADMIN_TOKEN", TOKEN));
        http = new RawHttp(daemon.port());
    }

    @AfterAll
    static void stopAndReadTheLog() throws Exception {
        try {
            daemon.stop();
            String log = daemon.log();
            assertThat(log.lines().filter(line -> line.startsWith("\tat ") || line.contains(" ERROR ")).toList())
                    .as("no stack trace or error for a client's mistake").isEmpty();
            assertThat(log).doesNotContain(TOKEN);
        } finally {
            provider.stop();
        }
    }

    @Test
    void queryParametersAndHeadersNeverComeBackAsResponseHeaders() throws Exception {
        RawHttp.Response response = send("GET", "/api/status?Access-Control-Allow-Origin=https://evil.example"
                + "&Set-Cookie=session%3Devil&Location=https://evil.example&a%20b=evil", "",
                "Origin: https://evil.example", "X-Evil: evil", "Cache-Control: evil", "WWW-Authenticate: evil");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).extracting(RawHttp.Header::name).map(String::toLowerCase)
                .containsExactlyInAnyOrder("cache-control", "transfer-encoding", "content-type");
        assertThat(response.headers()).allSatisfy(header -> assertThat(header.value()).doesNotContain("evil"));
        assertThat(response.header("Cache-Control")).hasValue("no-store");
    }

    @Test
    void theAdminTokenCountsOnlyInTheAuthorizationHeader() throws Exception {
        assertThat(send("POST", "/api/silences?Authorization=Bearer%20" + TOKEN, SILENCE, json()).status()).isEqualTo(401);
        assertThat(send("POST", "/api/silences?access_token=" + TOKEN, SILENCE, json()).status()).isEqualTo(401);
        assertThat(send("POST", "/api/breakers/hunter/force-open?Authorization=Bearer%20" + TOKEN + "&reason=x", "")
                .status()).isEqualTo(401);
        RawHttp.Response form = send("POST", "/api/silences", "Authorization=Bearer+" + TOKEN + "&reason=x",
                "Content-Type: application/x-www-form-urlencoded");
        assertThat(form.status()).isEqualTo(415);

        RawHttp.Response created = send("POST", "/api/silences", SILENCE, json(), "Authorization: Bearer " + TOKEN);
        assertThat(created.status()).isEqualTo(201);
        assertThat(body(created).path("dependency").asText()).isEqualTo("hunter");
    }

    @Test
    void unknownPathsAndWrongMethodsAnswerJsonWithAllow() throws Exception {
        RawHttp.Response unknown = send("GET", "/api/nope", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(body(unknown).path("error").asText()).contains("GET / lists the API");

        RawHttp.Response wrongMethod = send("DELETE", "/api/status", "");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).hasValue("GET");
        assertThat(body(wrongMethod).path("status").asInt()).isEqualTo(405);

        assertThat(send("PUT", "/api/silences", "").header("Allow")).hasValue("GET, POST");
        assertThat(send("GET", "/api/silences/6f0c2a9e-1c4b-4d3a-9f1e-2b7c8d9e0a1b", "").header("Allow")).hasValue("DELETE");
        assertThat(send("POST", "//api/../api//status", "").header("Allow")).hasValue("GET");
    }

    @Test
    void requestsOverTheLimitsAnswerJson() throws Exception {
        assertJsonError(send("POST", "/api/silences", "{\"reason\": \"" + "x".repeat(70_000) + "\"}", json()), 413);
        assertJsonError(send("GET", "/api/checks/" + "a".repeat(5_000), ""), 414);
        assertJsonError(send("GET", "/api/status", "", "X-Large: " + "h".repeat(9_000)), 431);
        assertJsonError(send("POST", "/api/silences", "--b--", "Content-Type: multipart/form-data; boundary=b"), 415);
    }

    @Test
    void malformedInputIsABadRequestNeverAServerError() throws Exception {
        String authorization = "Authorization: Bearer " + TOKEN;
        assertJsonError(send("GET", "/api/status?a=%zz", ""), 400);
        assertJsonError(send("GET", "/api/checks/%zz", ""), 400);
        assertJsonError(send("GET", "/api/status?%", ""), 400);
        assertJsonError(send("GET", "/api/checks/hunter-account/history?limit=abc", ""), 400);
        assertJsonError(send("GET", "/api/checks/'hunter-account'", ""), 400);
        assertJsonError(send("DELETE", "/api/silences/null", "", authorization), 400);
        assertJsonError(send("POST", "/api/silences",
                "{\"dependency\": \"hunter\", \"duration\": \"99999999999d\", \"reason\": \"x\"}", json(), authorization), 400);
        assertJsonError(send("POST", "/api/silences",
                "{\"dependency\": \"hunter\", \"duration\": \"99999999999999999999d\", \"reason\": \"x\"}", json(), authorization), 400);
        assertJsonError(send("POST", "/api/breakers/hunter/force-open", "{not json", json(), authorization), 400);
        assertJsonError(send("POST", "/api/silences", "{}", "Content-Type: application/json; charset=nope", authorization), 415);
    }

    @Test
    void unknownIdsAreNotFound() throws Exception {
        assertJsonError(send("GET", "/api/checks/null", ""), 404);
        assertJsonError(send("GET", "/api/breakers/huntr", ""), 404);
        assertJsonError(send("GET", "/api/incidents/null", ""), 404);
        assertJsonError(send("DELETE", "/api/silences/6f0c2a9e-1c4b-4d3a-9f1e-2b7c8d9e0a1b", "",
                "Authorization: Bearer " + TOKEN), 404);
    }

    @Test
    void incidentListsAndReportsRefuseWrongParametersNamingWhatIsAllowed() throws Exception {
        assertParameterError(send("GET", "/api/incidents?state=zqx-canary", ""), "state must be open or closed");
        assertParameterError(send("GET", "/api/incidents?since=zqx-canary", ""), "since must be an ISO-8601 instant");
        assertParameterError(send("GET", "/api/incidents?since=2999-01-01T00:00:00Z", ""), "since is in the future");
        assertParameterError(send("GET", "/api/incidents?since=99999999999999999999d", ""), "since must be");
        assertParameterError(send("GET", "/api/incidents?limit=0", ""), "limit must be from 1 to 500");
        assertParameterError(send("GET", "/api/incidents?limit=501", ""), "limit must be from 1 to 500");
        assertParameterError(send("GET", "/api/incidents?offset=-1", ""), "offset must be from 0 to 100000");
        assertParameterError(send("GET", "/api/incidents?offset=zqx-canary", ""), "offset must be a whole number");
        assertParameterError(send("GET", "/api/incidents?kind=zqx-canary", ""), "kind must be outage");
        assertParameterError(send("GET", "/api/report?since=32d", ""), "since reaches too far back");
        assertParameterError(send("GET", "/api/report?since=%3Cscript%3E", ""), "since must be an ISO-8601 instant");
        assertParameterError(send("GET", "/api/report?format=zqx-canary", ""), "format must be json or md");
        assertJsonError(send("GET", "/api/incidents/'hunter-account'/report.md", ""), 400);
        assertJsonError(send("GET", "/api/incidents/%zz/report.md", ""), 400);
        assertJsonError(send("GET", "/api/incidents/hunter-account@20261126T090000.000Z/report.md", ""), 404);
        RawHttp.Response wrongMethod = send("DELETE", "/api/report", "");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).hasValue("GET");
    }

    @Test
    void incidentListsAndReportsAnswerWellFormedRequests() throws Exception {
        RawHttp.Response incidents = send("GET", "/api/incidents?state=open&since=24h&limit=10&offset=0", "");
        assertThat(incidents.status()).isEqualTo(200);
        assertThat(body(incidents).path("incidents").isArray()).isTrue();
        assertThat(body(incidents).path("limit").asInt()).isEqualTo(10);
        assertThat(body(incidents).path("kind").asText()).isEqualTo("outage");
        RawHttp.Response alerts = send("GET", "/api/incidents?kind=alert&state=closed&since=1h", "");
        assertThat(alerts.status()).isEqualTo(200);
        assertThat(body(alerts).path("kind").asText()).isEqualTo("alert");
        assertThat(body(alerts).path("incidents").isArray()).isTrue();

        RawHttp.Response json = send("GET", "/api/report?since=1h", "");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.header("Content-Type")).hasValue("application/json");
        assertThat(body(json).path("checks").get(0).path("check").asText()).isEqualTo("hunter-account");

        RawHttp.Response markdown = send("GET", "/api/report?since=2h&format=md", "", "X-Canary: zqx-canary");
        assertThat(markdown.status()).isEqualTo(200);
        assertThat(markdown.header("Content-Type")).hasValue("text/markdown; charset=utf-8");
        assertThat(markdown.body()).startsWith("# Sentinel diagnostics: ").contains("### hunter");
        assertThat(markdown.headers()).extracting(RawHttp.Header::name).map(String::toLowerCase)
                .containsExactlyInAnyOrder("cache-control", "transfer-encoding", "content-type");
    }

    /** A 400 in JSON that names the parameter and what it may be, and never repeats the value sent. */
    private static void assertParameterError(RawHttp.Response response, String message) throws Exception {
        assertJsonError(response, 400);
        assertThat(body(response).path("error").asText()).contains(message).doesNotContain("zqx").doesNotContain("<script");
        assertThat(response.headers()).allSatisfy(header -> assertThat(header.value()).doesNotContain("zqx"));
    }

    private static String json() {
        return "Content-Type: application/json";
    }

    private static void assertJsonError(RawHttp.Response response, int status) throws Exception {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).hasValue("application/json");
        JsonNode body = body(response);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("error").asText()).isNotBlank();
    }

    private static JsonNode body(RawHttp.Response response) throws Exception {
        return Json.mapper().readTree(response.body());
    }

    private static RawHttp.Response send(String method, String target, String body, String... headers) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(method + " " + target + " HTTP/1.1", "Host: 127.0.0.1"));
        lines.addAll(List.of(headers));
        if (bytes.length > 0 || method.equals("POST")) {
            lines.add("Content-Length: " + bytes.length);
        }
        return http.send(method, String.join("\r\n", lines), bytes);
    }
}
