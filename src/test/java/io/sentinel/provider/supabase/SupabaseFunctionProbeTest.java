package io.sentinel.provider.supabase;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.sentinel.http.HttpMethod;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.Probe;
import io.sentinel.probe.ProbeResult;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupabaseFunctionProbeTest extends SupabaseChecks {

    private static final String FUNCTION = "business-discovery-background";
    private static final String PATH = "/functions/v1/" + FUNCTION;

    private final Probe probe = SupabaseFunctionKind.KIND.newProbe(PROVIDER.toolkit(CLOCK));

    @Test
    void aSuccessfulAnswerIsUp() {
        answerOptions(SupabaseFixtures.response("functions-ok.json"));

        ProbeResult result = probe(options(LEGACY_KEY));

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.message()).isEqualTo("HTTP 200 from business-discovery-background (options)");
    }

    @Test
    void theDefaultProbeIsAnOptionsRequestWithTheKeyAndNoBody() {
        answerOptions(aResponse().withStatus(200).withBody("ok"));

        probe(options(LEGACY_KEY));

        PROVIDER.verify(requestedFor("OPTIONS", urlEqualTo(PATH))
                .withHeader("apikey", equalTo(LEGACY_KEY))
                .withHeader("Authorization", equalTo("Bearer " + LEGACY_KEY))
                .withHeader("Content-Type", absent()));
    }

    @Test
    void aPublishableKeyIsNotSentAsABearerToken() {
        answerOptions(aResponse().withStatus(200).withBody("ok"));

        probe(options(PUBLISHABLE_KEY));

        PROVIDER.verify(requestedFor("OPTIONS", urlEqualTo(PATH))
                .withHeader("apikey", equalTo(PUBLISHABLE_KEY))
                .withHeader("Authorization", absent()));
    }

    @Test
    void aPostSendsTheConfiguredPayload() {
        PROVIDER.stubFor(post(PATH).willReturn(SupabaseFixtures.response("functions-ok.json")));
        String payload = "{\"healthcheck\":true,\"source\":\"sentinel\"}";

        ProbeResult result = probe(new SupabaseFunctionOptions(project(LEGACY_KEY), FUNCTION, HttpMethod.POST,
                Optional.of(payload), Optional.empty()));

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        PROVIDER.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(payload)));
    }

    @Test
    void aPostWithoutPayloadAsksForTheHealthCheckBranch() {
        PROVIDER.stubFor(post(PATH).willReturn(SupabaseFixtures.response("functions-ok.json")));

        probe(new SupabaseFunctionOptions(project(LEGACY_KEY), FUNCTION, HttpMethod.POST, Optional.empty(), Optional.empty()));

        PROVIDER.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("{\"healthcheck\":true}")));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "functions-invalid-jwt.json       | AUTH         | HTTP 401: Invalid JWT",
        "functions-invalid-jwt-coded.json | AUTH         | 401 UNAUTHORIZED_LEGACY_JWT: JWT or key rejected — Invalid JWT",
        "functions-missing-auth.json      | AUTH         | 401 UNAUTHORIZED_NO_AUTH_HEADER: JWT or key rejected — Missing authorization header",
        "functions-not-found.json         | NOT_DEPLOYED | 404 NOT_FOUND: function not deployed — Requested function was not found",
        "functions-boot-error.json        | HTTP_5XX     | 503 BOOT_ERROR: boot error: function failed to start — Function failed to start (please check logs)",
        "functions-worker-error.json      | HTTP_5XX     | 500 WORKER_ERROR: uncaught error outside the handler — Function exited due to an error (please check logs)",
        "functions-idle-timeout.json      | TIMEOUT      | 504 IDLE_TIMEOUT: idle timeout (150 s) — Request idle timeout limit (150s) reached",
        "functions-worker-limit.json      | HTTP_5XX     | 546 WORKER_LIMIT: worker limit (memory/CPU) — Function failed due to not having enough compute resources (please check logs)",
        "gateway-no-apikey.json           | AUTH         | HTTP 401: No API key found in request: No `apikey` request header or url param was found.",
        "gateway-invalid-apikey.json      | AUTH         | HTTP 401: Invalid API key: Double check your Supabase `anon` or `service_role` API key.",
        "project-paused.txt               | NOT_DEPLOYED | project paused (HTTP 540): Project paused",
        "fair-use-restricted.json         | QUOTA        | fair-use restriction: exceed_egress_quota"})
    void everyErrorAnswerIsClassified(String fixture, FailureClass failureClass, String message) {
        answerOptions(SupabaseFixtures.response(fixture));

        ProbeResult result = probe(options(LEGACY_KEY));

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.failureClass()).isEqualTo(failureClass);
        assertThat(result.httpStatus()).isEqualTo(SupabaseFixtures.status(fixture));
        assertThat(result.message()).isEqualTo(message).doesNotContain(LEGACY_KEY);
    }

    @Test
    void theHeaderDecidesEvenWhenTheBodyIsTheFunctionsOwn() {
        answerOptions(aResponse().withStatus(500).withHeader("sb-error-code", "EDGE_FUNCTION_ERROR")
                .withBody("{\"error\":\"Google Places quota exhausted\"}"));

        ProbeResult result = probe(options(LEGACY_KEY));

        assertThat(result.failureClass()).isEqualTo(FailureClass.HTTP_5XX);
        assertThat(result.message()).isEqualTo("500 EDGE_FUNCTION_ERROR: the function answered with a 5xx — "
                + "{\"error\":\"Google Places quota exhausted\"}");
    }

    @Test
    void aCodeInTheBodyCountsWhenTheHeaderIsMissing() {
        answerOptions(aResponse().withStatus(404).withBody(SupabaseFixtures.body("functions-not-found.json")));

        ProbeResult result = probe(options(LEGACY_KEY));

        assertThat(result.failureClass()).isEqualTo(FailureClass.NOT_DEPLOYED);
        assertThat(result.message()).startsWith("404 NOT_FOUND:");
    }

    @Test
    void anUnknownCodeIsNamedAndClassifiedByItsStatus() {
        answerOptions(aResponse().withStatus(503).withHeader("sb-error-code", "REGION_DRAINING").withBody("{\"message\":\"try later\"}"));

        ProbeResult result = probe(options(LEGACY_KEY));

        assertThat(result.failureClass()).isEqualTo(FailureClass.HTTP_5XX);
        assertThat(result.message()).startsWith("503 REGION_DRAINING:").contains("try later");
    }

    @Test
    void aMethodTheRuntimeRefusesIsHttp4xx() {
        answerOptions(aResponse().withStatus(405).withBody("Method Not Allowed"));

        ProbeResult result = probe(options(LEGACY_KEY));

        assertThat(result.failureClass()).isEqualTo(FailureClass.HTTP_4XX);
        assertThat(result.message()).isEqualTo("405: method not allowed — Method Not Allowed");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"ok\":false,\"reason\":\"GOOGLE_PLACES_API_KEY missing\"}",
        "{\"error\":\"database unreachable\"}"})
    void aSuccessStatusReportingAnErrorIsABodyError(String body) {
        answerOptions(aResponse().withStatus(200).withBody(body));

        ProbeResult result = probe(options(LEGACY_KEY));

        assertThat(result.failureClass()).isEqualTo(FailureClass.BODY_ERROR);
        assertThat(result.message()).startsWith("HTTP 200 from business-discovery-background reporting an error: ");
    }

    @Test
    void anHtmlPageIsASchemaChange() {
        answerOptions(aResponse().withStatus(200).withBody("<!DOCTYPE html><html><title>Parked domain</title></html>"));

        assertThat(probe(options(LEGACY_KEY)).failureClass()).isEqualTo(FailureClass.SCHEMA);
    }

    @Test
    void theExpectedStatusIsUpAndAnyOtherIsAFailedCondition() {
        SupabaseFunctionOptions expect204 = new SupabaseFunctionOptions(project(LEGACY_KEY), FUNCTION, HttpMethod.OPTIONS,
                Optional.empty(), Optional.of(204));

        answerOptions(aResponse().withStatus(204));
        ProbeResult expected = probe(expect204);
        answerOptions(aResponse().withStatus(200).withBody("ok"));
        ProbeResult other = probe(expect204);

        assertThat(expected.outcome()).isEqualTo(Outcome.UP);
        assertThat(other.failureClass()).isEqualTo(FailureClass.CONDITION);
        assertThat(other.message()).isEqualTo("expected HTTP 204 from business-discovery-background, got 200: ok");
    }

    @Test
    void anExpectedErrorStatusIsUp() {
        answerOptions(SupabaseFixtures.response("functions-missing-auth.json"));

        ProbeResult result = probe(new SupabaseFunctionOptions(project(LEGACY_KEY), FUNCTION, HttpMethod.OPTIONS,
                Optional.empty(), Optional.of(401)));

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.message()).isEqualTo("HTTP 401 from business-discovery-background, as expected");
    }

    private static SupabaseFunctionOptions options(String key) {
        return new SupabaseFunctionOptions(project(key), FUNCTION, HttpMethod.OPTIONS, Optional.empty(), Optional.empty());
    }

    private static void answerOptions(ResponseDefinitionBuilder response) {
        PROVIDER.stubFor(request("OPTIONS", urlEqualTo(PATH)).willReturn(response));
    }

    private ProbeResult probe(SupabaseFunctionOptions options) {
        return probe.probe(check(SupabaseFunctionKind.NAME, options));
    }
}
