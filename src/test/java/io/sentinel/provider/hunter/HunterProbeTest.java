package io.sentinel.provider.hunter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.sentinel.config.CheckConfig;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.Probe;
import io.sentinel.probe.ProbeResult;
import io.sentinel.provider.ApiKeyOptions;
import io.sentinel.provider.ProviderFixtures;
import io.sentinel.provider.ProviderServer;
import io.sentinel.secret.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hunter's account endpoint, served from the reference fixtures with the statuses the index gives. */
class HunterProbeTest {

    @RegisterExtension
    static final ProviderServer PROVIDER = new ProviderServer();

    /** Four and a half days before the fixtures' reset date, 2026-12-01. */
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final String KEY = "hunter-test-key-0123456789";

    private final Probe probe = HunterKind.KIND.newProbe(PROVIDER.toolkit(Clock.fixed(NOW, ZoneOffset.UTC)));

    @Test
    void theAccountIsUpWithEveryMeterAndTheDaysToTheReset() {
        serve(200, fixture("account-ok.json"));

        ProbeResult result = probe(Secret.of(KEY));

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.readings()).containsExactly(
                entry("searches.used", 842.0), entry("searches.available", 2000.0), entry("searches.remaining", 1158.0),
                entry("verifications.used", 200.0), entry("verifications.available", 1000.0),
                entry("verifications.remaining", 800.0),
                entry("reset.days", 4.0));
        assertThat(result.message()).isEqualTo("Starter plan: searches 842/2000 used (1158 left), "
                + "verifications 200/1000 used (800 left); resets 2026-12-01 (in 4 days)");
    }

    @Test
    void theKeyTravelsInTheHeaderAndNeverInTheQuery() {
        serve(200, fixture("account-ok.json"));

        probe(Secret.of(KEY));

        PROVIDER.verify(1, getRequestedFor(urlEqualTo("/v2/account")).withHeader("X-API-KEY", equalTo(KEY)));
        assertThat(PROVIDER.getAllServeEvents()).singleElement()
                .satisfies(event -> assertThat(event.getRequest().getUrl()).doesNotContain(KEY, "api_key"));
    }

    @Test
    void creditsAreReadWhenPresentEvenAsFractions() {
        serve(200, fixture("account-ok-with-credits.json")
                .replace("\"used\": 5400.0", "\"used\": 5400.5"));

        ProbeResult result = probe(Secret.of(KEY));

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.readings()).contains(entry("credits.used", 5400.5), entry("credits.available", 10000.0),
                entry("credits.remaining", 4599.5), entry("searches.remaining", 5900.0));
        assertThat(result.message()).startsWith("Growth plan: ").contains("credits 5400.5/10000 used (4599.5 left)");
    }

    @ParameterizedTest(name = "{0} with HTTP {1} is {2}")
    @CsvSource({
            "invalid-key.json,    401, AUTH,         'HTTP 401: authentication_failed: No user found for the API key supplied'",
            "quota-exceeded.json, 429, QUOTA,        'HTTP 429: too_many_requests: You''ve reached the limit for the number of searches per billing period included in your plan. (monthly allowance used up)'",
            "rate-limited.json,   403, RATE_LIMITED, 'HTTP 403: too_many_requests: You have reached the rate limit for your account. (per-second/minute rate limit)'"})
    void everyErrorFixtureIsClassified(String file, int status, FailureClass expected, String message) {
        serve(status, fixture(file));

        ProbeResult result = probe(Secret.of(KEY));

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.failureClass()).isEqualTo(expected);
        assertThat(result.httpStatus()).isEqualTo(status);
        assertThat(result.message()).isEqualTo(message);
    }

    @Test
    void aThrottleWithAnUnknownBodyIsStillRateLimitedAndShowsTheBody() {
        serve(403, "Slow down please");

        ProbeResult result = probe(Secret.of(KEY));

        assertThat(result.failureClass()).isEqualTo(FailureClass.RATE_LIMITED);
        assertThat(result.message()).startsWith("HTTP 403: Slow down please");
    }

    @ParameterizedTest(name = "HTTP {0} is {1}")
    @CsvSource({"500, HTTP_5XX", "503, HTTP_5XX", "400, HTTP_4XX", "404, HTTP_4XX", "422, HTTP_4XX"})
    void otherStatusesAreClassifiedByTheirRange(int status, FailureClass expected) {
        serve(status, "{\"errors\":[{\"id\":\"some_error\",\"code\":" + status + ",\"details\":\"Something happened\"}]}");

        ProbeResult result = probe(Secret.of(KEY));

        assertThat(result.failureClass()).isEqualTo(expected);
        assertThat(result.message()).isEqualTo("HTTP " + status + ": some_error: Something happened");
    }

    @Test
    void renamedMetersAreASchemaChangeNeverUp() {
        serve(200, fixture("account-ok.json").replace("\"searches\"", "\"lookups\""));

        ProbeResult result = probe(Secret.of(KEY));

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.failureClass()).isEqualTo(FailureClass.SCHEMA);
        assertThat(result.message()).startsWith("HTTP 200, expected a JSON account with data.requests.searches")
                .contains("got: { \"data\": {");
    }

    @Test
    void anHtmlPageIsASchemaChange() {
        serve(200, "<html><body>Welcome to Hunter</body></html>");

        ProbeResult result = probe(Secret.of(KEY));

        assertThat(result.failureClass()).isEqualTo(FailureClass.SCHEMA);
        assertThat(result.message()).contains("got: <html><body>Welcome to Hunter");
    }

    @Test
    void errorsInsideASuccessfulResponseAreABodyError() {
        serve(200, "{\"errors\":[{\"id\":\"pagination_error\",\"code\":400,\"details\":\"Offset too large\"}]}");

        ProbeResult result = probe(Secret.of(KEY));

        assertThat(result.failureClass()).isEqualTo(FailureClass.BODY_ERROR);
        assertThat(result.message()).isEqualTo("HTTP 200 with errors: pagination_error: Offset too large");
    }

    @Test
    void aKeyEchoedInAnErrorNeverReachesTheMessage() {
        serve(401, "{\"errors\":[{\"id\":\"authentication_failed\",\"code\":401,\"details\":\"No user for " + KEY + "\"}]}");

        ProbeResult result = probe(Secret.of(KEY));

        assertThat(result.failureClass()).isEqualTo(FailureClass.AUTH);
        assertThat(result.message()).doesNotContain(KEY).contains("No user for ****");
    }

    @Test
    void aMissingResetDateOnlyDropsThatReading() {
        serve(200, fixture("account-ok.json").replace("\"reset_date\": \"2026-12-01\",", ""));

        ProbeResult result = probe(Secret.of(KEY));

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.readings()).doesNotContainKey("reset.days").containsKey("searches.remaining");
    }

    private ProbeResult probe(Secret key) {
        ApiKeyOptions options = HunterKind.options(URI.create(PROVIDER.baseUrl() + "/"), key);
        CheckConfig check = CheckConfig.builder("hunter-account", "hunter", HunterKind.NAME, options)
                .timeout(Duration.ofSeconds(5)).build();
        return probe.probe(check);
    }

    private static void serve(int status, String body) {
        PROVIDER.stubFor(get(urlPathEqualTo("/v2/account"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    static String fixture(String name) {
        return ProviderFixtures.body("hunter/" + name);
    }
}
