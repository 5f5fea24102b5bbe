package io.sentinel.provider.cobalt;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.sentinel.provider.ProviderFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.Probe;
import io.sentinel.probe.ProbeResult;
import io.sentinel.provider.ProviderFixtures;
import io.sentinel.provider.ProviderServer;
import io.sentinel.secret.Secret;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CobaltProbeTest {

    @RegisterExtension
    static final ProviderServer PROVIDER = new ProviderServer();

    private static final String KEY = "FAKE-cobalt-key-0123456789abcdef";

    private final Probe probe = CobaltKind.KIND.newProbe(PROVIDER.toolkit(Clock.systemUTC()));

    @Test
    void aCachedMissIsUpAndNotBilled() {
        answer(json(200, "cobalt/search-no-result-cached.json"));

        ProbeResult result = probe(defaults());

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.readings()).containsExactly(Map.entry("results.returned", 0.0));
        assertThat(result.message()).isEqualTo("cached search answered: no business found (a cached miss is not billed)");
    }

    @Test
    void theKeyIsSentAsXApiKeyAndTheSearchStaysOnTheCache() {
        answer(json(200, "cobalt/search-no-result-cached.json"));

        probe(defaults());

        PROVIDER.verify(getRequestedFor(urlPathEqualTo("/v1/search"))
                .withQueryParam("searchQuery", equalTo("zzprobe-nonexistent-entity"))
                .withQueryParam("state", equalTo("delaware"))
                .withQueryParam("liveData", equalTo("false"))
                .withHeader("x-api-key", equalTo(KEY)));
        assertThat(PROVIDER.getAllServeEvents()).singleElement()
                .satisfies(event -> assertThat(event.getRequest().getUrl()).doesNotContain(KEY));
    }

    @Test
    void aFoundBusinessIsUpToo() {
        answer(json(200, "cobalt/search-complete-ok.json"));

        ProbeResult result = probe(defaults());

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.readings()).containsExactly(Map.entry("results.returned", 1.0));
        assertThat(result.message()).isEqualTo("cached search answered: 1 business found");
    }

    @ParameterizedTest(name = "{0} ({1}) is {2}")
    @CsvSource(delimiter = '|', value = {
            "usage-cap-exceeded.json   | 200 | QUOTA        | HTTP 200: Usage cap exceeded. Please contact support@cobaltintelligence.com to upgrade.",
            "trial-limit-exceeded.json | 429 | QUOTA        | HTTP 429: Trial limit exceeded — contact support@cobaltintelligence.com to upgrade",
            "throttled.json            | 429 | RATE_LIMITED | HTTP 429: Too Many Requests",
            "invalid-key.json          | 403 | AUTH         | HTTP 403 (key missing or rejected): Forbidden",
            "state-unavailable.json    | 200 | BODY_ERROR   | state not available: Zz currently not available for search. The state "
                    + "parameter must be camelCased, such as northCarolina, or abbreviated, such as nc."
    })
    void everyErrorFixtureIsClassified(String fixture, int status, FailureClass expected, String message) {
        answer(json(status, "cobalt/" + fixture));

        ProbeResult result = probe(defaults());

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.httpStatus()).isEqualTo(status);
        assertThat(result.failureClass()).isEqualTo(expected);
        assertThat(result.message()).isEqualTo(message);
    }

    @Test
    void theUsageCapIsQuotaWhateverStatusStringComesWithIt() {
        answer(okJson("{\"message\": \"Usage cap exceeded. Please contact support@cobaltintelligence.com to upgrade.\"}"));

        assertThat(probe(defaults()).failureClass()).isEqualTo(FailureClass.QUOTA);
    }

    @Test
    void theGatewaysSpentUsagePlanIsQuota() {
        answer(aResponse().withStatus(429).withBody("{\"message\": \"Limit Exceeded\"}"));

        assertThat(probe(defaults()).failureClass()).isEqualTo(FailureClass.QUOTA);
    }

    @Test
    void anIncompleteAnswerIsDegradedBecauseACachedSearchShouldBeImmediate() {
        answer(json(202, "cobalt/search-incomplete-retry.json"));

        ProbeResult result = probe(defaults());

        assertThat(result.outcome()).isEqualTo(Outcome.DEGRADED);
        assertThat(result.httpStatus()).isEqualTo(202);
        assertThat(result.message()).startsWith("HTTP 202 Incomplete with a retryId: Cobalt did not answer the cached search at once")
                .contains("Delaware is taking a longer time");
        assertThat(PROVIDER.getAllServeEvents()).as("the probe watches, it does not poll").hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "status Bad request | {\"status\": \"Bad request\", \"message\": \"state is a required parameter.\"}",
            "message only       | {\"message\": \"searchQuery must be at least 3 characters long.\"}",
            "status Failed      | {\"status\": \"Failed\", \"message\": \"Something failed.\"}"
    })
    void badRequestsInsideA200AreBodyErrors(String variant, String body) {
        answer(okJson(body));

        assertThat(probe(defaults()).failureClass()).isEqualTo(FailureClass.BODY_ERROR);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource(delimiter = '|', value = {
            "502 | {\"message\": \"Internal server error\"}     | HTTP 502: Internal server error",
            "504 | {\"message\": \"Endpoint request timed out\"} | HTTP 504: Endpoint request timed out",
            "500 | <html>oops</html>                           | HTTP 500: <html>oops</html>"
    })
    void serverErrorsAreHttp5xx(int status, String body, String message) {
        answer(aResponse().withStatus(status).withBody(body));

        ProbeResult result = probe(defaults());

        assertThat(result.failureClass()).isEqualTo(FailureClass.HTTP_5XX);
        assertThat(result.message()).isEqualTo(message);
    }

    @Test
    void anotherClientErrorIsHttp4xx() {
        answer(aResponse().withStatus(404).withBody("{\"message\": \"Missing Authentication Token\"}"));

        assertThat(probe(defaults()).failureClass()).isEqualTo(FailureClass.HTTP_4XX);
    }

    @Test
    void theStatesIndexInsteadOfASearchAnswerIsASchemaChange() {
        answer(json(200, "cobalt/search-index-ok.json"));

        ProbeResult result = probe(defaults());

        assertThat(result.failureClass()).isEqualTo(FailureClass.SCHEMA);
        assertThat(result.message()).startsWith("HTTP 200, expected a JSON object with 'status' Complete and a 'results' list; "
                + "got: [ { \"functionName\": \"delaware-sos-search\" }");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "results renamed | {\"status\": \"Complete\", \"message\": \"Business found.\", \"businesses\": []}",
            "status renamed  | {\"state\": \"Complete\", \"results\": []}",
            "an HTML page    | <html><body>Cobalt Intelligence</body></html>"
    })
    void anAnswerOfAnotherShapeIsASchemaChange(String change, String body) {
        answer(aResponse().withStatus(200).withBody(body));

        ProbeResult result = probe(defaults());

        assertThat(result.failureClass()).isEqualTo(FailureClass.SCHEMA);
        assertThat(result.message()).startsWith("HTTP 200, expected a JSON object with 'status' Complete and a 'results' list");
    }

    @Test
    void anIncompleteAnswerWithoutARetryIdIsASchemaChange() {
        answer(aResponse().withStatus(202).withBody("{\"status\": \"Incomplete\", \"message\": \"wait\"}"));

        assertThat(probe(defaults()).failureClass()).isEqualTo(FailureClass.SCHEMA);
    }

    private static CobaltOptions defaults() {
        return CobaltOptions.defaults(Secret.of(KEY), base());
    }

    private static URI base() {
        return PROVIDER.base();
    }

    private static void answer(ResponseDefinitionBuilder response) {
        PROVIDER.stubFor(get(urlPathEqualTo("/v1/search")).willReturn(response));
    }

    private ProbeResult probe(CobaltOptions options) {
        ProbeResult result = probe.probe(ProviderFixtures.check(CobaltKind.NAME, options));
        assertThat(result.message()).doesNotContain(KEY);
        return result;
    }
}
