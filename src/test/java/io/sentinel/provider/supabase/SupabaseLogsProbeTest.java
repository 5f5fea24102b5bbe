package io.sentinel.provider.supabase;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.sentinel.config.CheckConfig;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeResult;
import io.sentinel.secret.Secret;
import io.sentinel.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The supabase-logs probe against a WireMock Management API: the query it sends, the readings it makes of the
 * rows, consecutive windows without gaps, a 429 honoured and said, and errors that hide in a 200.
 */
class SupabaseLogsProbeTest extends SupabaseChecks {

    private static final String TOKEN = "sbp_FAKElogs0123456789abcdef0123456789abcd";
    private static final String REF = "abcdefghijklmnopqrst";
    private static final String LOGS = "/v1/projects/" + REF + "/analytics/endpoints/logs.all";

    private final MutableClock clock = MutableClock.at("2026-11-26T09:00:00Z");
    private final SupabaseLogsProbe probe = new SupabaseLogsProbe(PROVIDER.caller(), clock);

    @Test
    void theRowsBecomeReadingsPerFunctionAndTotals() {
        answer(SupabaseFixtures.response("mgmt-logs-function-traffic.json"));

        ProbeResult result = probe(List.of("enrichment-orchestrator", "lead-scoring"));

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.message()).isEqualTo("edge function logs 08:54:30Z to 08:59:30Z: 569 invocations of 4 functions, 6 answered 5xx");
        assertThat(result.readings()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("function.enrichment_orchestrator.invocations", 120.0),
                Map.entry("function.enrichment_orchestrator.server_errors", 6.0),
                Map.entry("function.enrichment_orchestrator.p95_ms", 5120.0),
                Map.entry("function.lead_scoring.invocations", 0.0),
                Map.entry("function.lead_scoring.server_errors", 0.0),
                Map.entry("function.business_discovery_background.invocations", 412.0),
                Map.entry("function.business_discovery_background.server_errors", 0.0),
                Map.entry("function.business_discovery_background.p95_ms", 2870.5),
                Map.entry("function.campaign_export_user_aware.invocations", 37.0),
                Map.entry("function.campaign_export_user_aware.server_errors", 0.0),
                Map.entry("functions.invocations", 569.0),
                Map.entry("functions.server_errors", 6.0)));
    }

    @Test
    void theQueryAsksForOneWindowWithTheTokenAsBearer() {
        answer(SupabaseFixtures.response("mgmt-logs-function-traffic.json"));

        probe(List.of());

        LoggedRequest request = PROVIDER.findAll(getRequestedFor(urlPathEqualTo(LOGS))).get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.queryParameter("iso_timestamp_start").firstValue()).isEqualTo("2026-11-26T08:54:30Z");
        assertThat(request.queryParameter("iso_timestamp_end").firstValue()).isEqualTo("2026-11-26T08:59:30Z");
        assertThat(request.queryParameter("sql").firstValue()).isEqualTo(SupabaseLogsOptions.SQL)
                .contains("from function_edge_logs", "countif(response.status_code >= 500)");
    }

    @Test
    void eachWindowStartsWhereTheLastAnsweredOneEndedSoAFailedQueryLeavesNoGap() {
        answer(SupabaseFixtures.response("mgmt-logs-function-traffic.json"));
        probe(List.of());
        clock.advance(Duration.ofMinutes(5));
        answer(aResponse().withStatus(503).withBody("{\"message\":\"upstream unavailable\"}"));
        assertThat(probe(List.of()).failureClass()).isEqualTo(FailureClass.HTTP_5XX);
        clock.advance(Duration.ofMinutes(5));
        answer(SupabaseFixtures.response("mgmt-logs-function-traffic.json"));

        probe(List.of());

        List<LoggedRequest> requests = PROVIDER.findAll(getRequestedFor(urlPathEqualTo(LOGS)));
        assertThat(requests).extracting(request -> request.queryParameter("iso_timestamp_start").firstValue() + " "
                + request.queryParameter("iso_timestamp_end").firstValue()).containsExactly(
                "2026-11-26T08:54:30Z 2026-11-26T08:59:30Z",
                "2026-11-26T08:59:30Z 2026-11-26T09:04:30Z",
                "2026-11-26T08:59:30Z 2026-11-26T09:09:30Z");
    }

    @Test
    void a429IsRateLimitedNotDownAndNoQueryIsMadeUntilRetryAfterHasPassed() {
        answer(aResponse().withStatus(429).withHeader("Retry-After", "300").withBody("{\"message\":\"Too many requests\"}"));

        ProbeResult throttled = probe(List.of());

        assertThat(throttled.outcome()).as("our token's budget says nothing about the functions").isEqualTo(Outcome.SKIPPED);
        assertThat(throttled.httpStatus()).isEqualTo(429);
        assertThat(throttled.message()).isEqualTo("RATE_LIMITED: the Management API answered HTTP 429 at 09:00:00Z with Retry-After"
                + " 300 s (about 60 requests a minute per user, shared by all of the user's tokens); no query before 09:05:00Z,"
                + " and the next one covers the time missed");

        clock.advance(Duration.ofMinutes(4));
        ProbeResult waiting = probe(List.of());
        assertThat(waiting.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(waiting.message()).startsWith("RATE_LIMITED: ").contains("no query before 09:05:00Z");
        assertThat(PROVIDER.findAll(getRequestedFor(urlPathEqualTo(LOGS)))).hasSize(1);

        clock.advance(Duration.ofMinutes(1));
        answer(SupabaseFixtures.response("mgmt-logs-function-traffic.json"));
        ProbeResult after = probe(List.of());

        assertThat(after.outcome()).isEqualTo(Outcome.UP);
        assertThat(PROVIDER.findAll(getRequestedFor(urlPathEqualTo(LOGS)))).hasSize(2);
        assertThat(after.message()).as("one interval back for the first answered window").contains("08:59:30Z to 09:04:30Z");
    }

    @Test
    void consecutive429sBackOffLongerEachTimeWithoutRetryAfter() {
        answer(aResponse().withStatus(429).withHeader("Retry-After", "soon").withBody("{\"message\":\"Too many requests\"}"));

        assertThat(probe(List.of()).message()).contains("at 09:00:00Z (about").contains("no query before 09:01:00Z");
        clock.advance(Duration.ofMinutes(1));
        assertThat(probe(List.of()).message()).contains("no query before 09:03:00Z");
        clock.advance(Duration.ofMinutes(2));
        assertThat(probe(List.of()).message()).contains("no query before 09:07:00Z");
        assertThat(PROVIDER.findAll(getRequestedFor(urlPathEqualTo(LOGS)))).hasSize(3);
    }

    @Test
    void aFailedQueryInsideA200IsABodyError() {
        answer(SupabaseFixtures.response("mgmt-logs-query-error.json"));

        ProbeResult result = probe(List.of());

        assertThat(result.failureClass()).isEqualTo(FailureClass.BODY_ERROR);
        assertThat(result.message()).isEqualTo("logs: HTTP 200 with a failed query: Unrecognized name: slugg at [1:8]");
        assertThat(result.readings()).isEmpty();
    }

    @Test
    void rowsWithoutCountsAreASchemaChangeNotZeroTraffic() {
        answer(aResponse().withStatus(200).withBody("{\"result\":[{\"slug\":\"enrichment-orchestrator\",\"count\":12}],\"error\":null}"));

        ProbeResult result = probe(List.of());

        assertThat(result.failureClass()).isEqualTo(FailureClass.SCHEMA);
        assertThat(result.message()).startsWith("logs: HTTP 200, expected result rows of {slug, invocations, server_errors, p95_ms}");
    }

    @Test
    void aRejectedTokenIsAuthAndNeverShown() {
        answer(SupabaseFixtures.response("mgmt-unauthorized.json"));

        ProbeResult result = probe(List.of());

        assertThat(result.failureClass()).isEqualTo(FailureClass.AUTH);
        assertThat(result.message()).isEqualTo("logs: HTTP 401 (access token rejected): Unauthorized").doesNotContain(TOKEN);
    }

    @Test
    void withoutATokenTheCheckIsSkipped() {
        ProbeResult result = probe.probe(check(Secret.fromVariable("", "SUPABASE_ACCESS_TOKEN"), List.of()));

        assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(result.message()).isEqualTo("set SUPABASE_ACCESS_TOKEN");
        PROVIDER.verify(0, getRequestedFor(urlPathEqualTo(LOGS)));
    }

    private void answer(ResponseDefinitionBuilder response) {
        PROVIDER.stubFor(get(urlPathEqualTo(LOGS)).withHeader("Authorization", equalTo("Bearer " + TOKEN)).willReturn(response));
    }

    private ProbeResult probe(List<String> functions) {
        return probe.probe(check(Secret.fromVariable(TOKEN, "SUPABASE_ACCESS_TOKEN"), functions));
    }

    private static CheckConfig check(Secret token, List<String> functions) {
        return CheckConfig.builder("edge-function-traffic", "supabase-platform", SupabaseLogsCheckKind.NAME,
                new SupabaseLogsOptions(new ManagementAccess(PROVIDER.base(), token, REF), functions))
                .interval(Duration.ofMinutes(5)).timeout(Duration.ofSeconds(5)).build();
    }
}
