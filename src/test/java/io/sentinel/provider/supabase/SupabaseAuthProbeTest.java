package io.sentinel.provider.supabase;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.Probe;
import io.sentinel.probe.ProbeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupabaseAuthProbeTest extends SupabaseChecks {

    private final Probe probe = SupabaseAuthKind.KIND.newProbe(PROVIDER.toolkit(CLOCK));

    @Test
    void goTrueWithItsVersionIsUp() {
        PROVIDER.stubFor(get("/auth/v1/health").willReturn(SupabaseFixtures.response("auth-health-ok.json")));

        ProbeResult result = probe(LEGACY_KEY);

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.message()).isEqualTo("GoTrue v2.60.7");
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.startedAt()).isEqualTo(NOW);
    }

    @Test
    void aLegacyJwtKeyTravelsAsApikeyAndAsBearerToken() {
        PROVIDER.stubFor(get(anyUrl()).willReturn(SupabaseFixtures.response("auth-health-ok.json")));

        probe(LEGACY_KEY);

        PROVIDER.verify(getRequestedFor(urlEqualTo("/auth/v1/health"))
                .withHeader("apikey", equalTo(LEGACY_KEY))
                .withHeader("Authorization", equalTo("Bearer " + LEGACY_KEY)));
    }

    @Test
    void aPublishableKeyTravelsOnlyAsApikey() {
        PROVIDER.stubFor(get(anyUrl()).willReturn(SupabaseFixtures.response("auth-health-ok.json")));

        probe(PUBLISHABLE_KEY);

        PROVIDER.verify(getRequestedFor(urlEqualTo("/auth/v1/health"))
                .withHeader("apikey", equalTo(PUBLISHABLE_KEY))
                .withHeader("Authorization", absent()));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "gateway-no-apikey.json      | AUTH         | HTTP 401: No API key found in request: No `apikey` request header or url param was found.",
        "gateway-invalid-apikey.json | AUTH         | HTTP 401: Invalid API key: Double check your Supabase `anon` or `service_role` API key.",
        "project-paused.txt          | NOT_DEPLOYED | project paused (HTTP 540): Project paused",
        "fair-use-restricted.json    | QUOTA        | fair-use restriction: exceed_egress_quota"})
    void everyPlatformAnswerIsClassified(String fixture, FailureClass failureClass, String message) {
        PROVIDER.stubFor(get("/auth/v1/health").willReturn(SupabaseFixtures.response(fixture)));

        ProbeResult result = probe(LEGACY_KEY);

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.failureClass()).isEqualTo(failureClass);
        assertThat(result.httpStatus()).isEqualTo(SupabaseFixtures.status(fixture));
        assertThat(result.message()).isEqualTo(message).doesNotContain(LEGACY_KEY);
    }

    @ParameterizedTest(name = "HTTP {0} is {1}")
    @CsvSource({"544, TIMEOUT", "500, HTTP_5XX", "503, HTTP_5XX", "429, RATE_LIMITED", "404, HTTP_4XX"})
    void otherStatusesAreClassified(int status, FailureClass failureClass) {
        PROVIDER.stubFor(get("/auth/v1/health").willReturn(aResponse().withStatus(status).withBody("upstream trouble")));

        ProbeResult result = probe(LEGACY_KEY);

        assertThat(result.failureClass()).isEqualTo(failureClass);
        assertThat(result.message()).contains(String.valueOf(status)).contains("upstream trouble");
    }

    @Test
    void renamedFieldsAreASchemaChange() {
        PROVIDER.stubFor(get("/auth/v1/health").willReturn(aResponse().withStatus(200)
                .withBody("{\"serviceVersion\":\"v3.0.0\",\"serviceName\":\"GoTrue\"}")));

        ProbeResult result = probe(LEGACY_KEY);

        assertThat(result.failureClass()).isEqualTo(FailureClass.SCHEMA);
        assertThat(result.message()).startsWith("HTTP 200, expected GoTrue's").contains("serviceVersion");
    }

    @Test
    void anHtmlPageIsASchemaChange() {
        PROVIDER.stubFor(get("/auth/v1/health").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Welcome to nginx</body></html>")));

        assertThat(probe(LEGACY_KEY).failureClass()).isEqualTo(FailureClass.SCHEMA);
    }

    @Test
    void aRedirectIsNotFollowedWithTheKeyAndNamesItsTarget() {
        PROVIDER.stubFor(get("/auth/v1/health").willReturn(aResponse().withStatus(302).withHeader("Location", "/login?next=x")));

        ProbeResult result = probe(LEGACY_KEY);

        assertThat(result.failureClass()).isEqualTo(FailureClass.REDIRECT);
        assertThat(result.message()).isEqualTo("HTTP 302 redirect to " + PROVIDER.baseUrl() + "/login (not followed): "
                + "the API should answer at the configured address");
        assertThat(PROVIDER.getAllServeEvents()).hasSize(1);
    }

    private ProbeResult probe(String key) {
        return probe.probe(check(SupabaseAuthKind.NAME, new SupabaseAuthOptions(project(key))));
    }
}
