package io.sentinel.provider.supabase;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeResult;
import io.sentinel.secret.Secret;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupabaseManagementProbeTest extends SupabaseChecks {

    private static final String TOKEN = "sbp_FAKEfake0123456789abcdef0123456789abcd";
    private static final String REF = "abcdefghijklmnopqrst";
    private static final String HEALTH = "/v1/projects/" + REF + "/health";
    private static final String FUNCTIONS = "/v1/projects/" + REF + "/functions";
    private static final List<String> ACTIVE_ONES =
            List.of("business-discovery-background", "business-discovery-optimized", "campaign-export-user-aware");

    private final SupabaseManagementProbe probe = new SupabaseManagementProbe(PROVIDER.caller(), CLOCK);

    @Test
    void healthyServicesAndActiveFunctionsAreUp() {
        answerHealth(SupabaseFixtures.response("mgmt-health-all-healthy.json"));
        answerFunctions(SupabaseFixtures.response("mgmt-functions-list-ok.json"));

        ProbeResult result = probe(ACTIVE_ONES);

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.message()).isEqualTo("5 services healthy, 3 functions ACTIVE");
        assertThat(result.readings()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "services.healthy", 5.0, "services.unhealthy", 0.0, "functions.active", 3.0));
    }

    @Test
    void bothCallsCarryTheTokenAsBearerAndAskForEveryService() {
        answerHealth(SupabaseFixtures.response("mgmt-health-all-healthy.json"));
        answerFunctions(SupabaseFixtures.response("mgmt-functions-list-ok.json"));

        probe(ACTIVE_ONES);

        PROVIDER.verify(getRequestedFor(urlPathEqualTo(HEALTH))
                .withQueryParam("services", equalTo("auth,db,rest,realtime,storage"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        PROVIDER.verify(getRequestedFor(urlPathEqualTo(FUNCTIONS)).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void withoutExpectedFunctionsOnlyHealthIsAsked() {
        answerHealth(SupabaseFixtures.response("mgmt-health-all-healthy.json"));

        ProbeResult result = probe(List.of());

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.message()).isEqualTo("5 services healthy");
        assertThat(result.readings()).doesNotContainKey("functions.active");
        PROVIDER.verify(0, getRequestedFor(urlPathEqualTo(FUNCTIONS)));
    }

    @Test
    void anUnhealthyServiceIsABodyErrorNamingIt() {
        answerHealth(SupabaseFixtures.response("mgmt-health-ok.json"));

        ProbeResult result = probe(List.of());

        assertThat(result.failureClass()).isEqualTo(FailureClass.BODY_ERROR);
        assertThat(result.message()).isEqualTo("unhealthy: storage (UNHEALTHY: upstream connect error)");
        assertThat(result.readings()).containsEntry("services.healthy", 3.0).containsEntry("services.unhealthy", 1.0);
    }

    @Test
    void healthyDecidesWhateverTheStatusWordSays() {
        answerHealth(aResponse().withStatus(200).withBody(
                "[{\"name\":\"db\",\"healthy\":true,\"status\":\"SOMETHING_NEW\"},{\"name\":\"auth\",\"healthy\":false}]"));

        ProbeResult result = probe(List.of());

        assertThat(result.failureClass()).isEqualTo(FailureClass.BODY_ERROR);
        assertThat(result.message()).isEqualTo("unhealthy: auth");
    }

    @Test
    void aThrottledFunctionIsDeployedAndRateLimitedNotNotDeployed() {
        answerHealth(SupabaseFixtures.response("mgmt-health-all-healthy.json"));
        answerFunctions(SupabaseFixtures.response("mgmt-functions-list-ok.json"));

        ProbeResult result = probe(List.of("business-discovery-background", "enrichment-orchestrator"));

        assertThat(result.failureClass()).isEqualTo(FailureClass.RATE_LIMITED);
        assertThat(result.message()).isEqualTo("enrichment-orchestrator is THROTTLED (deployed, held back by Supabase)");
    }

    @Test
    void anExpectedFunctionThatIsMissingIsNotDeployedEvenBesideAThrottledOne() {
        answerHealth(SupabaseFixtures.response("mgmt-health-all-healthy.json"));
        answerFunctions(SupabaseFixtures.response("mgmt-functions-list-ok.json"));

        ProbeResult result = probe(List.of("business-discovery-background", "enrichment-orchestrator", "lead-scoring"));

        assertThat(result.failureClass()).isEqualTo(FailureClass.NOT_DEPLOYED);
        assertThat(result.message()).isEqualTo(
                "enrichment-orchestrator is THROTTLED (deployed, held back by Supabase); lead-scoring is not deployed");
        assertThat(result.readings()).containsEntry("functions.active", 3.0);
    }

    @Test
    void unhealthyServicesComeFirstButFunctionProblemsAreStillNamed() {
        answerHealth(SupabaseFixtures.response("mgmt-health-ok.json"));
        answerFunctions(SupabaseFixtures.response("mgmt-functions-list-ok.json"));

        ProbeResult result = probe(List.of("enrichment-orchestrator"));

        assertThat(result.failureClass()).isEqualTo(FailureClass.BODY_ERROR);
        assertThat(result.message()).isEqualTo(
                "unhealthy: storage (UNHEALTHY: upstream connect error); enrichment-orchestrator is THROTTLED (deployed, held back by Supabase)");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "mgmt-unauthorized.json | AUTH         | health: HTTP 401 (access token rejected): Unauthorized",
        "mgmt-rate-limited.json | RATE_LIMITED | health: HTTP 429 (rate limit, about 60 requests a minute per user; retry after 60 s): Too many requests"})
    void errorAnswersAreClassified(String fixture, FailureClass failureClass, String message) {
        answerHealth(SupabaseFixtures.response(fixture));

        ProbeResult result = probe(ACTIVE_ONES);

        assertThat(result.failureClass()).isEqualTo(failureClass);
        assertThat(result.httpStatus()).isEqualTo(SupabaseFixtures.status(fixture));
        assertThat(result.message()).isEqualTo(message).doesNotContain(TOKEN);
        PROVIDER.verify(0, getRequestedFor(urlPathEqualTo(FUNCTIONS)));
    }

    @ParameterizedTest(name = "HTTP {0} saying {1} is {2}")
    @CsvSource(delimiter = '|', value = {
        "403 | Your account does not have the necessary privileges | AUTH",
        "403 | Project is restricted: exceeded egress quota         | QUOTA",
        "402 | Payment required                                    | QUOTA",
        "404 | Project not found                                   | HTTP_4XX",
        "500 | Internal server error                               | HTTP_5XX"})
    void otherStatusesAreClassifiedByWhatTheBodySays(int status, String said, FailureClass failureClass) {
        answerHealth(aResponse().withStatus(status).withBody("{\"message\":\"" + said + "\"}"));

        ProbeResult result = probe(List.of());

        assertThat(result.failureClass()).isEqualTo(failureClass);
        assertThat(result.message()).startsWith("health: HTTP " + status).endsWith(said);
    }

    @Test
    void aRejectedFunctionListKeepsTheServiceReadings() {
        answerHealth(SupabaseFixtures.response("mgmt-health-all-healthy.json"));
        answerFunctions(SupabaseFixtures.response("mgmt-unauthorized.json"));

        ProbeResult result = probe(ACTIVE_ONES);

        assertThat(result.failureClass()).isEqualTo(FailureClass.AUTH);
        assertThat(result.message()).startsWith("functions: HTTP 401");
        assertThat(result.readings()).containsEntry("services.healthy", 5.0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"services\":[]}",
        "[]",
        "[{\"service\":\"db\",\"ok\":true}]",
        "<html><body>Bad gateway</body></html>"})
    void anUnknownHealthShapeIsASchemaChange(String body) {
        answerHealth(aResponse().withStatus(200).withBody(body));

        ProbeResult result = probe(ACTIVE_ONES);

        assertThat(result.failureClass()).isEqualTo(FailureClass.SCHEMA);
        assertThat(result.message()).startsWith("health: HTTP 200, expected an array of {name, healthy, status}");
    }

    @Test
    void anUnknownFunctionListShapeIsASchemaChange() {
        answerHealth(SupabaseFixtures.response("mgmt-health-all-healthy.json"));
        answerFunctions(aResponse().withStatus(200).withBody("{\"functions\":[{\"name\":\"x\",\"state\":\"ACTIVE\"}]}"));

        ProbeResult result = probe(ACTIVE_ONES);

        assertThat(result.failureClass()).isEqualTo(FailureClass.SCHEMA);
        assertThat(result.message()).startsWith("functions: HTTP 200, expected an array of {slug, status}");
    }

    @Test
    void withoutATokenTheCheckIsSkipped() {
        ProbeResult emptyVariable = probe.probe(check(SupabaseManagementCheckKind.NAME, new SupabaseManagementOptions(
                PROVIDER.base(), Secret.fromVariable("", "SUPABASE_ACCESS_TOKEN"), REF, List.of())));
        ProbeResult noTokenAtAll = probe.probe(check(SupabaseManagementCheckKind.NAME, new SupabaseManagementOptions(
                PROVIDER.base(), Secret.none(), REF, List.of())));

        assertThat(emptyVariable.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(emptyVariable.message()).isEqualTo("set SUPABASE_ACCESS_TOKEN");
        assertThat(noTokenAtAll.message()).isEqualTo("set accessToken: ${SUPABASE_ACCESS_TOKEN}");
        assertThat(PROVIDER.getAllServeEvents()).isEmpty();
    }

    private static void answerHealth(ResponseDefinitionBuilder response) {
        PROVIDER.stubFor(get(urlPathEqualTo(HEALTH)).willReturn(response));
    }

    private static void answerFunctions(ResponseDefinitionBuilder response) {
        PROVIDER.stubFor(get(urlPathEqualTo(FUNCTIONS)).willReturn(response));
    }

    private ProbeResult probe(List<String> functions) {
        return probe.probe(check(SupabaseManagementCheckKind.NAME, new SupabaseManagementOptions(
                PROVIDER.base(), Secret.fromVariable(TOKEN, "SUPABASE_ACCESS_TOKEN"), REF, functions)));
    }
}
