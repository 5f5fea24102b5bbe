package io.sentinel.probe.http;

import io.sentinel.http.HttpMethod;
import io.sentinel.http.HttpCaller;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.sentinel.probe.http.HttpChecks.check;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.sentinel.config.CheckConfig;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeResult;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Responses that arrive, judged by their status, their conditions and their latency. */
class HttpProbeTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private static WireMockServer server;
    private static HttpCaller caller;
    private final HttpProbe probe = new HttpProbe(caller, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        caller = new HttpCaller();
    }

    @AfterAll
    static void stop() {
        caller.close();
        server.stop();
    }

    @BeforeEach
    void forgetStubsAndRequests() {
        server.resetAll();
    }

    @Test
    void aSuccessfulResponseIsUp() {
        server.stubFor(get("/health").willReturn(aResponse().withStatus(200).withBody("ok")));

        ProbeResult result = probe(url("/health"));

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.failureClass()).isNull();
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.message()).isEqualTo("HTTP 200");
        assertThat(result.startedAt()).isEqualTo(NOW);
        assertThat(result.checkId()).isEqualTo("web-home");
        assertThat(result.dependency()).isEqualTo("web");
        assertThat(result.latency()).isPositive();
    }

    @ParameterizedTest(name = "HTTP {0} is {1}")
    @CsvSource({"500, HTTP_5XX", "503, HTTP_5XX", "404, HTTP_4XX", "400, HTTP_4XX", "401, AUTH", "403, AUTH", "429, RATE_LIMITED"})
    void anErrorStatusIsDownWithTheClassItStandsFor(int status, FailureClass expected) {
        server.stubFor(get("/health").willReturn(aResponse().withStatus(status).withBody("{\"error\": \"it broke\"}")));

        ProbeResult result = probe(url("/health"));

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.failureClass()).isEqualTo(expected);
        assertThat(result.httpStatus()).isEqualTo(status);
        assertThat(result.message()).isEqualTo("HTTP " + status + ": {\"error\": \"it broke\"}");
    }

    @Test
    void theBodyExcerptOfAnErrorIsShortAndOnOneLine() {
        server.stubFor(get("/health").willReturn(aResponse().withStatus(502)
                .withBody("<html>\n<body>\n" + "Bad gateway ".repeat(40) + "</body></html>")));

        String message = probe(url("/health")).message();

        assertThat(message).startsWith("HTTP 502: <html> <body> Bad gateway").doesNotContain("\n").endsWith("…");
        assertThat(message.length()).isLessThanOrEqualTo("HTTP 502: ".length() + 120);
    }

    @Test
    void aRedirectIsFollowedUnlessTheCheckSaysOtherwise() {
        server.stubFor(get("/old").willReturn(aResponse().withStatus(301).withHeader("Location", "/new")));
        server.stubFor(get("/new").willReturn(aResponse().withStatus(200)));
        HttpCheckOptions following = HttpCheckOptions.get(url("/old"));
        HttpCheckOptions notFollowing = new HttpCheckOptions(HttpMethod.GET, url("/old"), Map.of(), Optional.empty(),
                List.of(), HttpCheckOptions.DEFAULT_CONNECT_TIMEOUT, false);

        assertThat(probe.probe(check(following)).httpStatus()).isEqualTo(200);
        assertThat(probe.probe(check(notFollowing)).httpStatus()).isEqualTo(301);
        assertThat(probe.probe(check(notFollowing)).outcome()).isEqualTo(Outcome.UP);
    }

    @Test
    void aRedirectLoopIsTheDependencysRedirectFailureNotOurs() {
        server.stubFor(get("/loop").willReturn(aResponse().withStatus(302).withHeader("Location", "/loop")));

        ProbeResult result = probe(url("/loop"));

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.failureClass()).isEqualTo(FailureClass.REDIRECT);
        assertThat(result.message()).startsWith("redirect loop: ");
    }

    @Test
    void withoutABodyConditionA200ReportingAFailureIsABodyError() {
        server.stubFor(get("/health").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"status\": \"DOWN\", \"db\": \"unreachable\"}")));

        ProbeResult plain = probe(url("/health"));
        ProbeResult statusOnly = probe(url("/health"), "[STATUS] == 200");

        assertThat(plain.failureClass()).isEqualTo(FailureClass.BODY_ERROR);
        assertThat(plain.message()).isEqualTo("HTTP 200 reporting a failure in its body: \"status\": \"DOWN\"");
        assertThat(statusOnly.failureClass()).isEqualTo(FailureClass.BODY_ERROR);
    }

    @Test
    void aBodyConditionDecidesWhatHealthyMeans() {
        server.stubFor(get("/health").willReturn(aResponse().withStatus(200).withBody("{\"status\": \"DOWN\", \"mode\": \"standby\"}")));

        ProbeResult result = probe(url("/health"), "[BODY].mode == \"standby\"");

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
    }

    @Test
    void aCdnChallengeIsBlockedNotAuth() {
        server.stubFor(get("/health").willReturn(aResponse().withStatus(403).withHeader("cf-mitigated", "challenge")
                .withHeader("Content-Type", "text/html").withBody("<html><title>Just a moment...</title></html>")));

        ProbeResult result = probe(url("/health"), "[STATUS] == 200");

        assertThat(result.failureClass()).isEqualTo(FailureClass.BLOCKED);
        assertThat(result.message()).startsWith("HTTP 403 from Cloudflare (cf-mitigated: challenge)");
    }

    @Test
    void aFailedBodyConditionIsDownAndNamesTheCondition() {
        server.stubFor(get("/health").willReturn(aResponse().withStatus(200).withBody("{\"status\": \"DOWN\"}")));

        ProbeResult result = probe(url("/health"), "[STATUS] == 200", "[BODY].status == \"OK\"");

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.failureClass()).isEqualTo(FailureClass.CONDITION);
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.message()).isEqualTo("1 of 2 conditions failed: [BODY].status == \"OK\" (got \"DOWN\")");
    }

    @Test
    void everyFailedConditionIsListedAndAFailedStatusClassifiesTheFailure() {
        server.stubFor(get("/health").willReturn(aResponse().withStatus(503).withBody("{\"status\": \"DOWN\"}")));

        ProbeResult result = probe(url("/health"), "[STATUS] == 200", "[BODY].status == \"OK\"", "len([BODY]) > 0");

        assertThat(result.failureClass()).isEqualTo(FailureClass.HTTP_5XX);
        assertThat(result.message()).isEqualTo(
                "2 of 3 conditions failed: [STATUS] == 200 (got 503); [BODY].status == \"OK\" (got \"DOWN\")");
    }

    @Test
    void aFailedStatusConditionOnASuccessfulStatusIsAConditionFailure() {
        server.stubFor(get("/items").willReturn(aResponse().withStatus(200)));

        ProbeResult result = probe(url("/items"), "[STATUS] == 201");

        assertThat(result.failureClass()).isEqualTo(FailureClass.CONDITION);
        assertThat(result.message()).isEqualTo("condition failed: [STATUS] == 201 (got 200)");
    }

    @Test
    void conditionsThatAllHoldAreUp() {
        server.stubFor(get("/health").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"status\": \"OK\", \"items\": [1, 2]}")));

        ProbeResult result = probe(url("/health"),
                "[STATUS] == 200", "[BODY].status == OK", "len([BODY].items) == 2", "[HEADER].content-type == pat(*json*)");

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.message()).isEqualTo("HTTP 200, all 4 conditions met");
    }

    @Test
    void aSlowResponseThatFailsOnlyAResponseTimeConditionIsDegraded() {
        server.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(300)));

        ProbeResult result = probe(url("/slow"), "[STATUS] == 200", "[RESPONSE_TIME] < 50");

        assertThat(result.outcome()).isEqualTo(Outcome.DEGRADED);
        assertThat(result.failureClass()).isNull();
        assertThat(result.message()).startsWith("1 of 2 conditions failed: [RESPONSE_TIME] < 50 (got ");
    }

    @Test
    void aHugeBodyIsCutAtOneMebibyteAndTheCutIsNoted() {
        server.stubFor(get("/huge").willReturn(aResponse().withStatus(200).withBody("a".repeat(2 * 1024 * 1024) + "END")));

        ProbeResult result = probe(url("/huge"), "[STATUS] == 200", "len([BODY]) > 0");

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.message()).isEqualTo("HTTP 200, all 2 conditions met (body truncated at 1 MiB)");
    }

    @Test
    void aConditionOnTheEndOfAHugeBodySeesOnlyTheFirstMebibyte() {
        server.stubFor(get("/huge").willReturn(aResponse().withStatus(200).withBody("a".repeat(2 * 1024 * 1024) + "END")));

        ProbeResult result = probe(url("/huge"), "[BODY] == pat(*END)");

        assertThat(result.failureClass()).isEqualTo(FailureClass.CONDITION);
        assertThat(result.message()).startsWith("condition failed: [BODY] == pat(*END) (got \"aaaa").endsWith("(body truncated at 1 MiB)");
    }

    @Test
    void theMethodHeadersAndBodyAreReallySent() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(202)));
        HttpCheckOptions options = new HttpCheckOptions(HttpMethod.POST, url("/submit"),
                Map.of("X-Api-Key", "test-key-42"), Optional.of("{\"query\": \"coffee\"}"), List.of(),
                HttpCheckOptions.DEFAULT_CONNECT_TIMEOUT, true);

        ProbeResult result = probe.probe(check(options));

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        server.verify(postRequestedFor(urlEqualTo("/submit"))
                .withHeader("X-Api-Key", equalTo("test-key-42"))
                .withHeader("Content-Type", containing("application/json"))
                .withHeader("User-Agent", equalTo("Sentinel/0.1 (dependency monitor)"))
                .withHeader("Connection", equalTo("close"))
                .withRequestBody(equalToJson("{\"query\": \"coffee\"}")));
    }

    private ProbeResult probe(URI url, String... conditions) {
        return probe.probe(HttpChecks.get(url, conditions));
    }

    private static URI url(String path) {
        return URI.create("http://localhost:" + server.port() + path);
    }
}
