package io.sentinel.provider.googleplaces;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.sentinel.provider.ProviderFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.Probe;
import io.sentinel.probe.ProbeResult;
import io.sentinel.provider.ProviderFixtures;
import io.sentinel.provider.ProviderServer;
import io.sentinel.secret.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Places API (New): the fixtures Google's answers were built from, served with their statuses. */
class GooglePlacesProbeTest {

    @RegisterExtension
    static final ProviderServer PROVIDER = new ProviderServer();

    private static final String KEY = "AIzaFAKE-new-places-key-0123456789";
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final Probe probe = GooglePlacesKind.KIND.newProbe(PROVIDER.toolkit(Clock.fixed(NOW, ZoneOffset.UTC)));

    @Test
    void theIdsOnlyAnswerIsUpWithTheNumberOfPlaces() {
        answer(json(200, "google-places/new-textsearch-ids-only-ok.json"));

        ProbeResult result = probe(defaults());

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.readings()).containsExactly(Map.entry("places.returned", 2.0));
        assertThat(result.message()).isEqualTo("searchText answered: 2 places");
        assertThat(result.startedAt()).isEqualTo(NOW);
    }

    @Test
    void theKeyTravelsInAHeaderWithTheFieldMaskAndNeverInTheUrl() {
        answer(json(200, "google-places/new-textsearch-ids-only-ok.json"));

        probe(defaults());

        PROVIDER.verify(postRequestedFor(urlEqualTo("/v1/places:searchText"))
                .withHeader("X-Goog-Api-Key", equalTo(KEY))
                .withHeader("X-Goog-FieldMask", equalTo("places.id"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"textQuery\": \"coffee\", \"pageSize\": 1}")));
        List<LoggedRequest> requests = PROVIDER.findAll(postRequestedFor(urlEqualTo("/v1/places:searchText")));
        assertThat(requests).singleElement().satisfies(request -> assertThat(request.getUrl()).doesNotContain(KEY));
    }

    @Test
    void aConfiguredQueryAndMaskAreSent() {
        answer(okJson("{\"places\": [{\"id\": \"ChIJ1\", \"displayName\": {\"text\": \"Cafe\"}}]}"));
        GooglePlacesOptions options = new GooglePlacesOptions(PlacesApi.NEW, Secret.of(KEY), base(),
                GooglePlacesOptions.DEFAULT_LEGACY_BASE_URL, "dentist \"downtown\"", List.of("places.id", "places.displayName"));

        ProbeResult result = probe(options);

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        PROVIDER.verify(postRequestedFor(urlEqualTo("/v1/places:searchText"))
                .withHeader("X-Goog-FieldMask", equalTo("places.id,places.displayName"))
                .withRequestBody(equalToJson("{\"textQuery\": \"dentist \\\"downtown\\\"\", \"pageSize\": 1}")));
    }

    @Test
    void anEmptyObjectMeansNoMatchAndIsUp() {
        answer(json(200, "google-places/new-textsearch-empty.json"));

        ProbeResult result = probe(defaults());

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.readings()).containsExactly(Map.entry("places.returned", 0.0));
    }

    @Test
    void anEmptyListIsUpToo() {
        answer(okJson("{\"places\": []}"));

        assertThat(probe(defaults()).outcome()).isEqualTo(Outcome.UP);
    }

    @ParameterizedTest(name = "{1} ({0}) is {2}")
    @CsvSource({
            "400, new-invalid-key.json,          AUTH,         API_KEY_INVALID: API key not valid. Please pass a valid API key.",
            "403, new-service-disabled.json,     AUTH,         SERVICE_DISABLED (enable Places API (New) in the key's Google Cloud project): Places API (New) has not been used",
            "403, new-billing-disabled.json,     QUOTA,        BILLING_DISABLED (enable billing on the key's Google Cloud project; the key itself is fine): This API method requires billing",
            "403, new-key-service-blocked.json,  AUTH,         API_KEY_SERVICE_BLOCKED (the key's API restrictions must allow places.googleapis.com): Requests to this API",
            "429, new-quota-exceeded.json,       QUOTA,        RATE_LIMIT_EXCEEDED (daily quota, SearchTextRequestPerDayPerProject): spent until midnight Pacific time;",
            "429, new-rate-limit-per-minute.json, RATE_LIMITED, RATE_LIMIT_EXCEEDED (short-term limit, SearchTextRequestPerMinutePerProject; Google says retry in 27s):",
            "500, new-internal.json,             HTTP_5XX,     INTERNAL: Internal error encountered.",
            "503, new-unavailable.json,          HTTP_5XX,     UNAVAILABLE: The service is currently unavailable."
    })
    void everyErrorFixtureIsClassifiedByItsReason(int status, String fixture, FailureClass expected, String messageStart) {
        answer(json(status, "google-places/" + fixture));

        ProbeResult result = probe(defaults());

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.failureClass()).isEqualTo(expected);
        assertThat(result.httpStatus()).isEqualTo(status);
        assertThat(result.message()).startsWith(messageStart);
    }

    @Test
    void theDailyQuotaLimitIsAReading() {
        answer(json(429, "google-places/new-quota-exceeded.json"));

        assertThat(probe(defaults()).readings()).containsExactly(Map.entry("quota.limit", 100.0));
    }

    @Test
    void aQuotaErrorWithoutAPeriodIsReadAsThrottling() {
        answer(aResponse().withStatus(429).withBody("{\"error\": {\"code\": 429, \"status\": \"RESOURCE_EXHAUSTED\","
                + " \"message\": \"Resource has been exhausted (e.g. check quota).\"}}"));

        ProbeResult result = probe(defaults());

        assertThat(result.failureClass()).isEqualTo(FailureClass.RATE_LIMITED);
        assertThat(result.message()).contains("no quota period given");
    }

    @Test
    void anErrorInsideA200IsABodyError() {
        answer(okJson("{\"error\": {\"code\": 400, \"status\": \"FAILED_PRECONDITION\", \"message\": \"odd\"}}"));

        ProbeResult result = probe(defaults());

        assertThat(result.failureClass()).isEqualTo(FailureClass.BODY_ERROR);
        assertThat(result.message()).contains("FAILED_PRECONDITION");
    }

    @Test
    void aPageThatIsNotGooglesIsClassifiedByItsStatus() {
        answer(aResponse().withStatus(404).withHeader("Content-Type", "text/html").withBody("<html><h1>Not Found</h1></html>"));

        ProbeResult result = probe(defaults());

        assertThat(result.failureClass()).isEqualTo(FailureClass.HTTP_4XX);
        assertThat(result.message()).isEqualTo("HTTP 404 without Google's error envelope: <html><h1>Not Found</h1></html>");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "renamed list     | {\"results\": [{\"id\": \"ChIJ1\"}]}",
            "places not list  | {\"places\": {\"id\": \"ChIJ1\"}}",
            "place without id | {\"places\": [{\"name\": \"places/ChIJ1\"}]}",
            "not an object    | [{\"id\": \"ChIJ1\"}]"
    })
    void anAnswerOfAnotherShapeIsASchemaChange(String change, String body) {
        answer(okJson(body));

        ProbeResult result = probe(defaults());

        assertThat(result.failureClass()).isEqualTo(FailureClass.SCHEMA);
        assertThat(result.message()).startsWith("HTTP 200, expected a JSON object with a 'places' list");
    }

    @Test
    void anHtmlPageWith200IsASchemaChange() {
        answer(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>Sign in</html>"));

        ProbeResult result = probe(defaults());

        assertThat(result.failureClass()).isEqualTo(FailureClass.SCHEMA);
        assertThat(result.message()).endsWith("got: <html>Sign in</html>");
    }

    @Test
    void aRedirectIsNotFollowedAndNamesItsTarget() {
        answer(aResponse().withStatus(302).withHeader("Location", "https://accounts.example.com/login"));

        ProbeResult result = probe(defaults());

        assertThat(result.failureClass()).isEqualTo(FailureClass.REDIRECT);
        assertThat(result.message()).startsWith("HTTP 302 redirect to https://accounts.example.com/login (not followed)");
    }

    private GooglePlacesOptions defaults() {
        return GooglePlacesOptions.newApi(Secret.of(KEY), base());
    }

    private static URI base() {
        return URI.create("http://localhost:" + PROVIDER.getPort());
    }

    private static void answer(ResponseDefinitionBuilder response) {
        PROVIDER.stubFor(post(urlEqualTo("/v1/places:searchText")).willReturn(response));
    }

    /** Every result is checked for the key, whatever the test looks at. */
    private ProbeResult probe(GooglePlacesOptions options) {
        ProbeResult result = probe.probe(ProviderFixtures.check(GooglePlacesKind.NAME, options));
        assertThat(result.message()).doesNotContain(KEY);
        return result;
    }
}
