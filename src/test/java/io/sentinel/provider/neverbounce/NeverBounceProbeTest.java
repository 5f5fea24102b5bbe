package io.sentinel.provider.neverbounce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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

/** NeverBounce's account endpoint, served from the reference fixtures (all HTTP 200, as the index gives). */
class NeverBounceProbeTest {

    @RegisterExtension
    static final ProviderServer PROVIDER = new ProviderServer();

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final String KEY = "nb-test-key-0123456789";

    private final Probe probe = NeverBounceKind.KIND.newProbe(PROVIDER.toolkit(Clock.fixed(NOW, ZoneOffset.UTC)));

    @Test
    void theAccountIsUpWithItsCreditsAndJobs() {
        serve(200, fixture("account-ok.json"));

        ProbeResult result = probe(KEY);

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.readings()).containsExactly(
                entry("credits.paid_remaining", 9950791.0), entry("credits.free_remaining", 0.0),
                entry("credits.remaining", 9950791.0), entry("credits.paid_used", 0.0), entry("credits.free_used", 0.0),
                entry("jobs.processing", 0.0), entry("jobs.queued", 0.0));
        assertThat(result.message()).isEqualTo("credits 9950791 left (paid 9950791, free 0); jobs 0 processing, 0 queued");
    }

    @Test
    void theKeyIsSentAsTheKeyParameterAndNeverShown() {
        serve(200, fixture("account-ok.json"));

        ProbeResult result = probe(KEY);

        PROVIDER.verify(1, getRequestedFor(urlPathEqualTo("/v4.2/account/info")).withQueryParam("key", equalTo(KEY)));
        assertThat(result.message()).doesNotContain(KEY);
    }

    @Test
    void theRemainingCreditsAreTheSumOfPaidAndFreeEvenWhenGivenAsText() {
        serve(200, """
                {"status":"success","credits":{"paid_credits_used":"10","free_credits_used":"2",
                 "paid_credits_remaining":"900","free_credits_remaining":"98"}}""");

        ProbeResult result = probe(KEY);

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.readings()).containsExactly(
                entry("credits.paid_remaining", 900.0), entry("credits.free_remaining", 98.0),
                entry("credits.remaining", 998.0), entry("credits.paid_used", 10.0), entry("credits.free_used", 2.0));
    }

    @Test
    void aMonthlyAccountReportsItsUsage() {
        serve(200, fixture("account-ok-monthly.json"));

        ProbeResult result = probe(KEY);

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.readings()).containsExactly(entry("credits.monthly_usage", 1234.0),
                entry("jobs.processing", 0.0), entry("jobs.queued", 0.0));
        assertThat(result.message()).startsWith("monthly billing, monthly_api_usage 1234");
    }

    @ParameterizedTest(name = "monthly_api_usage {0}")
    @CsvSource(delimiter = '|', value = {"\"1234\"| 1234", "\"unlimited\"|"})
    void aMonthlyUsageGivenAsTextIsReadWhenNumeric(String value, Double expected) {
        serve(200, "{\"status\":\"success\",\"credits_info\":{\"monthly_api_usage\":" + value + "}}");

        ProbeResult result = probe(KEY);

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        if (expected == null) {
            assertThat(result.readings()).isEmpty();
            assertThat(result.message()).isEqualTo("monthly billing, monthly_api_usage 'unlimited'");
        } else {
            assertThat(result.readings()).containsExactly(entry("credits.monthly_usage", expected));
        }
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "invalid-key.json,     AUTH,         auth_failure: Invalid API key '****'",
            "bad-referrer.json,    AUTH,         bad_referrer: Referrer not allowed for this API key",
            "throttled.json,       RATE_LIMITED, throttle_triggered: Too many requests in a short amount of time",
            "general-failure.json, BODY_ERROR,   general_failure: Missing required parameter 'key'"})
    void everyErrorFixtureIsClassifiedDespiteHttp200(String file, FailureClass expected, String message) {
        serve(200, fixture(file));

        ProbeResult result = probe("FAKE_NB_KEY");

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.failureClass()).isEqualTo(expected);
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.message()).startsWith(message).doesNotContain("FAKE_NB_KEY");
    }

    @Test
    void aGeneralFailureAboutPaymentIsTheAllowanceSpent() {
        serve(200, "{\"status\":\"general_failure\",\"message\":\"Please add a default payment method\",\"execution_time\":3}");

        ProbeResult result = probe(KEY);

        assertThat(result.failureClass()).isEqualTo(FailureClass.QUOTA);
        assertThat(result.message()).isEqualTo("general_failure: Please add a default payment method");
    }

    @Test
    void anUnknownStatusIsABodyErrorNamingIt() {
        serve(200, "{\"status\":\"temporarily_unavailable\",\"message\":\"Try later\"}");

        ProbeResult result = probe(KEY);

        assertThat(result.failureClass()).isEqualTo(FailureClass.BODY_ERROR);
        assertThat(result.message()).isEqualTo("unknown status 'temporarily_unavailable': Try later");
    }

    @Test
    void theBodyIsReadWhateverTheHttpStatus() {
        serve(404, fixture("invalid-key.json"));

        ProbeResult result = probe("FAKE_NB_KEY");

        assertThat(result.failureClass()).isEqualTo(FailureClass.AUTH);
        assertThat(result.message()).isEqualTo("auth_failure: Invalid API key '****' (HTTP 404)");
    }

    @ParameterizedTest(name = "HTTP {0} without a NeverBounce body is {1}")
    @CsvSource({"502, HTTP_5XX", "429, RATE_LIMITED", "404, HTTP_4XX"})
    void statusesWithoutABodyAreClassifiedByTheStatus(int status, FailureClass expected) {
        serve(status, "<html>Bad Gateway</html>");

        ProbeResult result = probe(KEY);

        assertThat(result.failureClass()).isEqualTo(expected);
        assertThat(result.message()).isEqualTo("HTTP " + status + ": <html>Bad Gateway</html>");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no credits block|     {\"status\":\"success\",\"billing_type\":\"default\",\"job_counts\":{}}",
            "renamed counters|     {\"status\":\"success\",\"credits_info\":{\"paid_left\":5,\"free_left\":0}}",
            "no status|            {\"credits_info\":{\"paid_credits_remaining\":5,\"free_credits_remaining\":0}}",
            "an HTML page|         <html><body>NeverBounce</body></html>"})
    void aChangedShapeIsASchemaChangeNeverUp(String shape, String body) {
        serve(200, body);

        ProbeResult result = probe(KEY);

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.failureClass()).isEqualTo(FailureClass.SCHEMA);
        assertThat(result.message()).startsWith("HTTP 200, expected a JSON object with \"status\"")
                .contains("got: " + body.substring(0, 10));
    }

    @Test
    void aHostThatDoesNotResolveIsDnsAndHidesTheKey() {
        ProbeResult result = probe(NeverBounceKind.options(URI.create("http://api.neverbounce.invalid"), Secret.of(KEY)),
                Duration.ofSeconds(5));

        assertThat(result.failureClass()).isEqualTo(FailureClass.DNS);
        assertThat(result.message()).isEqualTo("host name api.neverbounce.invalid did not resolve");
    }

    @Test
    void anErrorThatEchoesTheKeyAndTheUrlIsMasked() {
        serve(200, "{\"status\":\"auth_failure\",\"message\":\"Invalid API key '" + KEY + "' for "
                + PROVIDER.baseUrl() + "/v4.2/account/info?key=" + KEY + "\"}");

        ProbeResult result = probe(KEY);

        assertThat(result.failureClass()).isEqualTo(FailureClass.AUTH);
        assertThat(result.message()).doesNotContain(KEY).contains("Invalid API key '****'").contains("key=****");
    }

    private ProbeResult probe(String key) {
        return probe(NeverBounceKind.options(PROVIDER.base(), Secret.of(key)), Duration.ofSeconds(5));
    }

    private ProbeResult probe(ApiKeyOptions options, Duration timeout) {
        CheckConfig check = CheckConfig.builder("neverbounce-account", "neverbounce", NeverBounceKind.NAME, options)
                .timeout(timeout).build();
        return probe.probe(check);
    }

    private static void serve(int status, String body) {
        PROVIDER.stubFor(get(urlPathEqualTo("/v4.2/account/info"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static String fixture(String name) {
        return ProviderFixtures.body("neverbounce/" + name);
    }
}
