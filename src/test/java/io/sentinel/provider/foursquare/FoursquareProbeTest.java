package io.sentinel.provider.foursquare;

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

class FoursquareProbeTest {

    @RegisterExtension
    static final ProviderServer PROVIDER = new ProviderServer();

    private static final String KEY = "FAKE-fsq-service-key-0123456789abcdef";

    private final Probe probe = FoursquareKind.KIND.newProbe(PROVIDER.toolkit(Clock.systemUTC()));

    @Test
    void aSearchWithResultsIsUp() {
        answer(json(200, "foursquare/search-ok.json"));

        ProbeResult result = probe(defaults());

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.readings()).containsExactly(Map.entry("results.returned", 1.0));
        assertThat(result.message()).isEqualTo("place search answered: 1 result");
    }

    @Test
    void theKeyIsABearerTokenAndTheVersionAHeader() {
        answer(json(200, "foursquare/search-ok.json"));

        probe(defaults());

        PROVIDER.verify(getRequestedFor(urlPathEqualTo("/places/search"))
                .withQueryParam("ll", equalTo("40.7484,-73.9857"))
                .withQueryParam("limit", equalTo("1"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("X-Places-Api-Version", equalTo("2025-06-17"))
                .withHeader("Accept", equalTo("application/json")));
        assertThat(PROVIDER.getAllServeEvents()).singleElement()
                .satisfies(event -> assertThat(event.getRequest().getUrl()).doesNotContain(KEY));
    }

    @Test
    void noResultsNearbyIsStillUp() {
        answer(okJson("{\"results\": [], \"context\": {}}"));

        ProbeResult result = probe(defaults());

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.readings()).containsExactly(Map.entry("results.returned", 0.0));
    }

    @ParameterizedTest(name = "{0} ({1}) is {2}")
    @CsvSource(delimiter = '|', value = {
            "invalid-token.json    | 401 | AUTH         | HTTP 401 (key rejected): Invalid request token.",
            "forbidden.json        | 403 | AUTH         | HTTP 403 (key not allowed this data): The requested information is restricted",
            "payment-required.json | 402 | QUOTA        | HTTP 402 (no credits left): Insufficient credits",
            "rate-limited.json     | 429 | RATE_LIMITED | HTTP 429 (rate limited): Rate limit exceeded"
    })
    void everyErrorFixtureIsClassified(String fixture, int status, FailureClass expected, String message) {
        answer(json(status, "foursquare/" + fixture));

        ProbeResult result = probe(defaults());

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.httpStatus()).isEqualTo(status);
        assertThat(result.failureClass()).isEqualTo(expected);
        assertThat(result.message()).isEqualTo(message);
    }

    @Test
    void aRetryAfterHeaderIsShown() {
        answer(json(429, "foursquare/rate-limited.json").withHeader("Retry-After", "2"));

        assertThat(probe(defaults()).message()).isEqualTo("HTTP 429 (rate limited, retry after 2s): Rate limit exceeded");
    }

    @ParameterizedTest(name = "HTTP {0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "500 | HTTP_5XX | {\"message\": \"Internal Server Error\"} | HTTP 500: Internal Server Error",
            "503 | HTTP_5XX | <html>Service Unavailable</html>         | HTTP 503: <html>Service Unavailable</html>",
            "400 | HTTP_4XX | {\"message\": \"Invalid ll parameter\"}  | HTTP 400: Invalid ll parameter",
            "404 | HTTP_4XX | {\"message\": \"Not Found\"}             | HTTP 404: Not Found"
    })
    void otherStatusesAreClassifiedByStatusWithTheProvidersWords(int status, FailureClass expected, String body, String message) {
        answer(aResponse().withStatus(status).withBody(body));

        ProbeResult result = probe(defaults());

        assertThat(result.failureClass()).isEqualTo(expected);
        assertThat(result.message()).isEqualTo(message);
    }

    @Test
    void aMessageInsideA200IsABodyError() {
        answer(okJson("{\"message\": \"Something went wrong\"}"));

        ProbeResult result = probe(defaults());

        assertThat(result.failureClass()).isEqualTo(FailureClass.BODY_ERROR);
        assertThat(result.message()).isEqualTo("HTTP 200 with an error: Something went wrong");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "renamed list     | {\"places\": [{\"fsq_place_id\": \"5a1b\"}]}",
            "results not list | {\"results\": {\"fsq_place_id\": \"5a1b\"}}",
            "an HTML page     | <html><body>Log in to Foursquare</body></html>"
    })
    void anAnswerOfAnotherShapeIsASchemaChange(String change, String body) {
        answer(aResponse().withStatus(200).withBody(body));

        ProbeResult result = probe(defaults());

        assertThat(result.failureClass()).isEqualTo(FailureClass.SCHEMA);
        assertThat(result.message()).startsWith("HTTP 200, expected a JSON object with a 'results' list; got: ");
    }

    private static FoursquareOptions defaults() {
        return FoursquareOptions.defaults(Secret.of(KEY), base());
    }

    private static URI base() {
        return PROVIDER.base();
    }

    private static void answer(ResponseDefinitionBuilder response) {
        PROVIDER.stubFor(get(urlPathEqualTo("/places/search")).willReturn(response));
    }

    private ProbeResult probe(FoursquareOptions options) {
        ProbeResult result = probe.probe(ProviderFixtures.check(FoursquareKind.NAME, options));
        assertThat(result.message()).doesNotContain(KEY);
        return result;
    }
}
