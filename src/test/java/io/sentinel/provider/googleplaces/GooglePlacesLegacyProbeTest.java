package io.sentinel.provider.googleplaces;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.sentinel.provider.ProviderFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.sentinel.logging.RedactedMessageConverter;
import io.sentinel.logging.RedactedThrowableConverter;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.Probe;
import io.sentinel.probe.ProbeResult;
import io.sentinel.provider.ProviderFixtures;
import io.sentinel.provider.ProviderServer;
import io.sentinel.secret.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/** The legacy Places API: errors inside HTTP 200, and a key that travels in the URL. */
class GooglePlacesLegacyProbeTest {

    @RegisterExtension
    static final ProviderServer PROVIDER = new ProviderServer();

    private static final String KEY = "AIzaFAKE-legacy-places-key-9876543210";
    private static final String PATH = "/maps/api/place/findplacefromtext/json";

    private final Probe probe = GooglePlacesKind.KIND.newProbe(PROVIDER.toolkit(Clock.systemUTC()));

    @Test
    void aFoundPlaceIsUpAndTheRequestAsksForThePlaceIdOnly() {
        answer(json(200, "google-places/findplace-ok.json"));

        ProbeResult result = probe(legacy(), Duration.ofSeconds(10));

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.readings()).containsExactly(Map.entry("places.returned", 1.0));
        PROVIDER.verify(getRequestedFor(urlPathEqualTo(PATH))
                .withQueryParam("input", equalTo("coffee"))
                .withQueryParam("inputtype", equalTo("textquery"))
                .withQueryParam("fields", equalTo("place_id"))
                .withQueryParam("key", equalTo(KEY)));
    }

    @ParameterizedTest(name = "{0} is UP with {1} places")
    @CsvSource({"textsearch-ok.json, 1", "textsearch-zero-results.json, 0"})
    void okAndZeroResultsAreUp(String fixture, double places) {
        answer(json(200, "google-places/" + fixture));

        ProbeResult result = probe(legacy(), Duration.ofSeconds(10));

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.readings()).containsExactly(Map.entry("places.returned", places));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "request-denied.json                | AUTH      | REQUEST_DENIED: The provided API key is invalid.",
            "request-denied-not-authorized.json | AUTH      | REQUEST_DENIED: This API project is not authorized to use this API.",
            "over-query-limit.json              | QUOTA     | OVER_QUERY_LIMIT: You have exceeded your daily request quota for this API. "
                    + "(Google uses this status for per-second limits and for billing or daily caps alike)",
            "unknown-error.json                 | HTTP_5XX  | UNKNOWN_ERROR (sent with HTTP 200): Google reports a server-side error; "
                    + "a retry may succeed"
    })
    void errorStatusesInsideA200AreFailures(String fixture, FailureClass expected, String message) {
        answer(json(200, "google-places/" + fixture));

        ProbeResult result = probe(legacy(), Duration.ofSeconds(10));

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.failureClass()).isEqualTo(expected);
        assertThat(result.message()).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0} is a body error")
    @CsvSource({"INVALID_REQUEST", "NOT_FOUND"})
    void requestErrorsAreBodyErrors(String status) {
        answer(okJson("{\"candidates\": [], \"status\": \"" + status + "\"}"));

        ProbeResult result = probe(legacy(), Duration.ofSeconds(10));

        assertThat(result.failureClass()).isEqualTo(FailureClass.BODY_ERROR);
        assertThat(result.message()).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown status     | {\"candidates\": [], \"status\": \"SOMETHING_NEW\"}",
            "OK without a list  | {\"status\": \"OK\"}",
            "status renamed     | {\"candidates\": [], \"state\": \"OK\"}",
            "an HTML page       | <html><body>Sorry...</body></html>"
    })
    void anAnswerOfAnotherShapeIsASchemaChange(String change, String body) {
        answer(aResponse().withStatus(200).withBody(body));

        ProbeResult result = probe(legacy(), Duration.ofSeconds(10));

        assertThat(result.failureClass()).isEqualTo(FailureClass.SCHEMA);
        assertThat(result.message()).startsWith("HTTP 200, expected a JSON object with a legacy 'status'");
    }

    @Test
    void theKeyInTheUrlIsMaskedInEveryMessageAndLogLine() {
        PROVIDER.stubFor(get(urlPathEqualTo("/echo" + PATH)).willReturn(aResponse().withStatus(500)
                .withBody("backend error for " + PROVIDER.baseUrl() + "/echo" + PATH + "?input=coffee&key=" + KEY)));
        PROVIDER.stubFor(get(urlPathEqualTo("/hang" + PATH)).willReturn(okJson("{}").withFixedDelay(5_000)));
        List<String> logLines = new ArrayList<>();

        List<ProbeResult> results = new ArrayList<>();
        capturingDebugLogs(logLines, () -> {
            results.add(probe(legacyAt(URI.create(PROVIDER.baseUrl() + "/echo")), Duration.ofSeconds(10)));
            results.add(probe(legacyAt(URI.create("http://no-such-host.invalid")), Duration.ofSeconds(10)));
            results.add(probe(legacyAt(URI.create(PROVIDER.baseUrl() + "/hang")), Duration.ofMillis(500)));
        });

        assertThat(results).extracting(ProbeResult::failureClass)
                .containsExactly(FailureClass.HTTP_5XX, FailureClass.DNS, FailureClass.TIMEOUT);
        assertThat(results.get(0).message()).contains("key=****");
        assertThat(logLines).as("the client logged the request line, so masking was exercised")
                .anySatisfy(line -> assertThat(line).contains(PATH));
        assertThat(logLines).allSatisfy(line -> assertThat(line).doesNotContain(KEY));
    }

    /** Runs {@code action} with HttpClient at DEBUG, keeping each line as the production layout renders it. */
    private static void capturingDebugLogs(List<String> lines, Runnable action) {
        Logger client = (Logger) LoggerFactory.getLogger("org.apache.hc");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = client.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        client.setLevel(Level.DEBUG);
        client.setAdditive(false);
        client.addAppender(appender);
        root.addAppender(appender);
        try {
            action.run();
        } finally {
            client.detachAppender(appender);
            root.detachAppender(appender);
            client.setAdditive(true);
            client.setLevel(level);
        }
        RedactedMessageConverter message = new RedactedMessageConverter();
        RedactedThrowableConverter throwable = new RedactedThrowableConverter();
        throwable.start();
        appender.list.forEach(event -> lines.add(message.convert(event) + throwable.convert(event)));
    }

    private static GooglePlacesOptions legacy() {
        return legacyAt(PROVIDER.base());
    }

    private static GooglePlacesOptions legacyAt(URI base) {
        return GooglePlacesOptions.legacyApi(Secret.of(KEY), base);
    }

    private static void answer(ResponseDefinitionBuilder response) {
        PROVIDER.stubFor(get(urlPathEqualTo(PATH)).willReturn(response));
    }

    private ProbeResult probe(GooglePlacesOptions options, Duration timeout) {
        ProbeResult result = probe.probe(ProviderFixtures.check(GooglePlacesKind.NAME, options, timeout));
        assertThat(result.message()).doesNotContain(KEY);
        return result;
    }
}
