package io.sentinel.provider.supabase;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.Probe;
import io.sentinel.probe.ProbeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupabaseRestProbeTest extends SupabaseChecks {

    private static final String SELECT = "/rest/v1/health_check?select=id&limit=1";

    private final Probe probe = SupabaseRestKind.KIND.newProbe(PROVIDER.toolkit(CLOCK));

    @Test
    void oneSelectedRowIsUp() {
        PROVIDER.stubFor(get(SELECT).willReturn(SupabaseFixtures.response("rest-select-ok.json")));

        ProbeResult result = probe(LEGACY_KEY);

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.readings()).containsEntry("rows", 1.0);
        assertThat(result.message()).isEqualTo("1 row from health_check");
    }

    @Test
    void anEmptyTableIsStillUp() {
        PROVIDER.stubFor(get(SELECT).willReturn(aResponse().withStatus(200).withBody("[]")));

        ProbeResult result = probe(LEGACY_KEY);

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.readings()).containsEntry("rows", 0.0);
    }

    @Test
    void theProbeSelectsOneRowOfTheTableAndNeverTheRestRoot() {
        PROVIDER.stubFor(get(anyUrl()).willReturn(SupabaseFixtures.response("rest-select-ok.json")));

        probe.probe(check(SupabaseRestKind.NAME, new SupabaseRestOptions(project(LEGACY_KEY), "leads", "created_at")));

        PROVIDER.verify(getRequestedFor(urlEqualTo("/rest/v1/leads?select=created_at&limit=1"))
                .withHeader("apikey", equalTo(LEGACY_KEY))
                .withHeader("Authorization", equalTo("Bearer " + LEGACY_KEY)));
        PROVIDER.verify(0, getRequestedFor(urlPathEqualTo("/rest/v1/")));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "rest-jwt-expired.json          | AUTH         | HTTP 401 PGRST301: JWT expired",
        "rest-root-secret-required.json | AUTH         | HTTP 401: Invalid API key: Only the service_role API key can be used for this endpoint.",
        "gateway-no-apikey.json         | AUTH         | HTTP 401: No API key found in request: No `apikey` request header or url param was found.",
        "gateway-invalid-apikey.json    | AUTH         | HTTP 401: Invalid API key: Double check your Supabase `anon` or `service_role` API key.",
        "rest-table-missing.json        | SCHEMA       | table health_check is gone: HTTP 404 PGRST205: Could not find the table 'public.health_check' in the schema cache: Perhaps you meant the table 'public.health'",
        "project-paused.txt             | NOT_DEPLOYED | project paused (HTTP 540): Project paused",
        "fair-use-restricted.json       | QUOTA        | fair-use restriction: exceed_egress_quota"})
    void everyErrorAnswerIsClassified(String fixture, FailureClass failureClass, String message) {
        PROVIDER.stubFor(get(SELECT).willReturn(SupabaseFixtures.response(fixture)));

        ProbeResult result = probe(LEGACY_KEY);

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.failureClass()).isEqualTo(failureClass);
        assertThat(result.httpStatus()).isEqualTo(SupabaseFixtures.status(fixture));
        assertThat(result.message()).isEqualTo(message).doesNotContain(LEGACY_KEY);
    }

    @Test
    void theOlderMissingRelationCodeAlsoSaysTheTableIsGone() {
        PROVIDER.stubFor(get(SELECT).willReturn(aResponse().withStatus(404).withBody(
                "{\"code\":\"42P01\",\"details\":null,\"hint\":null,\"message\":\"relation \\\"public.health_check\\\" does not exist\"}")));

        ProbeResult result = probe(LEGACY_KEY);

        assertThat(result.failureClass()).isEqualTo(FailureClass.SCHEMA);
        assertThat(result.message()).startsWith("table health_check is gone: HTTP 404 42P01");
    }

    @Test
    void aMissingColumnIsASchemaChange() {
        PROVIDER.stubFor(get(SELECT).willReturn(aResponse().withStatus(400).withBody(
                "{\"code\":\"42703\",\"details\":null,\"hint\":null,\"message\":\"column health_check.id does not exist\"}")));

        ProbeResult result = probe(LEGACY_KEY);

        assertThat(result.failureClass()).isEqualTo(FailureClass.SCHEMA);
        assertThat(result.message()).startsWith("column id of health_check is gone");
    }

    @Test
    void aPermissionErrorFromPostgresIsAuth() {
        PROVIDER.stubFor(get(SELECT).willReturn(aResponse().withStatus(401).withBody(
                "{\"code\":\"42501\",\"details\":null,\"hint\":null,\"message\":\"permission denied for table health_check\"}")));

        ProbeResult result = probe(PUBLISHABLE_KEY);

        assertThat(result.failureClass()).isEqualTo(FailureClass.AUTH);
        assertThat(result.message()).isEqualTo("HTTP 401 42501: permission denied for table health_check");
    }

    @Test
    void anObjectInsteadOfRowsIsASchemaChange() {
        PROVIDER.stubFor(get(SELECT).willReturn(aResponse().withStatus(200).withBody("{\"id\":1}")));

        ProbeResult result = probe(LEGACY_KEY);

        assertThat(result.failureClass()).isEqualTo(FailureClass.SCHEMA);
        assertThat(result.message()).isEqualTo("HTTP 200, expected a JSON array of rows; got: {\"id\":1}");
    }

    @Test
    void anHtmlPageIsASchemaChange() {
        PROVIDER.stubFor(get(SELECT).willReturn(aResponse().withStatus(200).withBody("<!DOCTYPE html><title>Maintenance</title>")));

        assertThat(probe(LEGACY_KEY).failureClass()).isEqualTo(FailureClass.SCHEMA);
    }

    @Test
    void aServerErrorIsHttp5xx() {
        PROVIDER.stubFor(get(SELECT).willReturn(aResponse().withStatus(503).withBody("no healthy upstream")));

        ProbeResult result = probe(LEGACY_KEY);

        assertThat(result.failureClass()).isEqualTo(FailureClass.HTTP_5XX);
        assertThat(result.message()).isEqualTo("HTTP 503: no healthy upstream");
    }

    private ProbeResult probe(String key) {
        return probe.probe(check(SupabaseRestKind.NAME, new SupabaseRestOptions(project(key), "health_check", "id")));
    }
}
