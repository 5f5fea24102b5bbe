package io.sentinel.provider.vercel;

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
import io.sentinel.probe.ProbeResult;
import io.sentinel.provider.ProviderFixtures;
import io.sentinel.provider.ProviderServer;
import io.sentinel.provider.RawHttpFixture;
import io.sentinel.secret.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The newest production deployment, read from the REST API fixtures, together with the site. */
class VercelDeploymentTest {

    @RegisterExtension
    static final ProviderServer PROVIDER = new ProviderServer();

    /** 42 minutes after the fixture deployment was created (2026-01-01T00:00:00Z). */
    private static final Instant NOW = Instant.parse("2026-01-01T00:42:00Z");
    private static final String TOKEN = "vercel-test-token-0123456789";
    private static final String PROJECT = "prj_FAKE000000000000000000000";

    private final VercelProbe probe = new VercelProbe(PROVIDER.caller(), Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void aWorkingSite() {
        PROVIDER.stubFor(get("/").willReturn(aResponse().withStatus(200).withHeader("x-vercel-cache", "HIT")));
    }

    @Test
    void aReadyDeploymentIsUpWithItsAge() {
        deployments(200, ProviderFixtures.body("vercel/deployments-list-ok.json"));

        ProbeResult result = probe(deploymentCheck(Secret.of(TOKEN), Optional.of("team_FAKE"), Duration.ofMinutes(30)));

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.readings()).containsExactly(entry("vercel.cache.hit", 1.0), entry("deployment.age_minutes", 42.0));
        assertThat(result.message()).isEqualTo("site HTTP 200, x-vercel-cache HIT; "
                + "production deployment prospectpro-abc123-example-team.vercel.app READY, 42m old");
    }

    @Test
    void theTokenTravelsAsABearerHeaderWithTheProductionFilter() {
        deployments(200, ProviderFixtures.body("vercel/deployments-list-ok.json"));

        ProbeResult result = probe(deploymentCheck(Secret.of(TOKEN), Optional.of("team_FAKE"), Duration.ofMinutes(30)));

        PROVIDER.verify(1, getRequestedFor(urlPathEqualTo("/v6/deployments"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withQueryParam("projectId", equalTo(PROJECT))
                .withQueryParam("target", equalTo("production"))
                .withQueryParam("limit", equalTo("1"))
                .withQueryParam("teamId", equalTo("team_FAKE")));
        assertThat(result.message()).doesNotContain(TOKEN);
    }

    @Test
    void aFailedDeploymentIsABodyErrorNamingItsUrlAndState() {
        deployments(200, ProviderFixtures.body("vercel/deployments-list-error-state.json"));

        ProbeResult result = probe(deploymentCheck(Secret.of(TOKEN), Optional.empty(), Duration.ofMinutes(30)));

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.failureClass()).isEqualTo(FailureClass.BODY_ERROR);
        assertThat(result.message()).isEqualTo("production deployment prospectpro-def456-example-team.vercel.app is ERROR; "
                + "site HTTP 200, x-vercel-cache HIT");
        // this fixture was created after the clock's "now": an age ahead of the clock reads as zero
        assertThat(result.readings()).containsEntry("deployment.age_minutes", 0.0);
    }

    @ParameterizedTest(name = "{0} for 42m with maxBuildTime {1} is {2}")
    @CsvSource({"BUILDING, 30m, DEGRADED", "BUILDING, 1h, UP", "QUEUED, 30m, DEGRADED", "INITIALIZING, 1h, UP"})
    void aBuildIsStuckOnlyWhenItTakesLongerThanMaxBuildTime(String state, String limit, Outcome expected) {
        String body = ProviderFixtures.body("vercel/deployments-list-ok.json").replace("\"READY\"", "\"" + state + "\"");
        deployments(200, body);

        ProbeResult result = probe(deploymentCheck(Secret.of(TOKEN), Optional.empty(),
                limit.equals("1h") ? Duration.ofHours(1) : Duration.ofMinutes(30)));

        assertThat(result.outcome()).isEqualTo(expected);
        assertThat(result.message()).contains("prospectpro-abc123-example-team.vercel.app " + state + " for 41m");
        if (expected == Outcome.DEGRADED) {
            assertThat(result.message()).startsWith("production deployment").contains("longer than maxBuildTime 30m");
        }
    }

    @Test
    void aQueuedBuildWithoutBuildingAtIsTimedFromItsCreation() {
        deployments(200, "{\"deployments\":[{\"url\":\"p.vercel.app\",\"createdAt\":1767225600000,\"readyState\":\"QUEUED\"}]}");

        ProbeResult result = probe(deploymentCheck(Secret.of(TOKEN), Optional.empty(), Duration.ofMinutes(30)));

        assertThat(result.outcome()).isEqualTo(Outcome.DEGRADED);
        assertThat(result.message()).startsWith("production deployment p.vercel.app QUEUED for 42m");
    }

    @ParameterizedTest(name = "{0} with HTTP {1} is {2}")
    @CsvSource({
            "api-forbidden.json,    403, AUTH,         'deployments API HTTP 403: forbidden: Not authorized'",
            "api-rate-limited.json, 429, RATE_LIMITED, 'deployments API HTTP 429: rate_limited: The rate limit of 6 exceeded'",
            "api-not-found.json,    404, HTTP_4XX,     'deployments API HTTP 404: not_found: Could not find the RESOURCE: ID'"})
    void everyApiErrorFixtureIsClassified(String file, int status, FailureClass expected, String message) {
        Map<String, String> headers = file.equals("api-rate-limited.json")
                ? Map.of("X-RateLimit-Limit", "6", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "1571432075") : Map.of();
        deployments(status, ProviderFixtures.body("vercel/" + file), headers);

        ProbeResult result = probe(deploymentCheck(Secret.of(TOKEN), Optional.empty(), Duration.ofMinutes(30)));

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.failureClass()).isEqualTo(expected);
        assertThat(result.httpStatus()).isEqualTo(status);
        assertThat(result.message()).startsWith(message).endsWith("; site HTTP 200, x-vercel-cache HIT");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "renamed list|        {\"items\":[{\"readyState\":\"READY\"}]}",
            "no state|            {\"deployments\":[{\"url\":\"p.vercel.app\",\"status\":\"READY\"}]}",
            "an HTML page|        <html><body>Vercel</body></html>"})
    void aChangedApiShapeIsASchemaChange(String shape, String body) {
        deployments(200, body);

        ProbeResult result = probe(deploymentCheck(Secret.of(TOKEN), Optional.empty(), Duration.ofMinutes(30)));

        assertThat(result.failureClass()).isEqualTo(FailureClass.SCHEMA);
        assertThat(result.message()).startsWith("deployments API HTTP 200, expected {\"deployments\"")
                .contains("got: " + body.substring(0, 8));
    }

    @Test
    void noProductionDeploymentAtAllIsNotDeployed() {
        deployments(200, "{\"deployments\":[],\"pagination\":{\"count\":0,\"next\":null,\"prev\":null}}");

        ProbeResult result = probe(deploymentCheck(Secret.of(TOKEN), Optional.empty(), Duration.ofMinutes(30)));

        assertThat(result.failureClass()).isEqualTo(FailureClass.NOT_DEPLOYED);
        assertThat(result.message()).startsWith("no production deployment listed for project " + PROJECT);
    }

    @Test
    void withoutTokenTheSiteIsStillCheckedAndTheDeploymentCheckSaysWhatToSet() {
        ProbeResult absent = probe(deploymentCheck(Secret.none(), Optional.empty(), Duration.ofMinutes(30)));
        ProbeResult empty = probe(deploymentCheck(Secret.fromVariable("", "VERCEL_TOKEN"), Optional.empty(), Duration.ofMinutes(30)));

        assertThat(absent.outcome()).isEqualTo(Outcome.UP);
        assertThat(absent.message()).isEqualTo("site HTTP 200, x-vercel-cache HIT; "
                + "deployment check skipped: set VERCEL_TOKEN and add token: ${VERCEL_TOKEN}");
        assertThat(empty.outcome()).isEqualTo(Outcome.UP);
        assertThat(empty.message()).endsWith("; deployment check skipped: set VERCEL_TOKEN");
        PROVIDER.verify(0, getRequestedFor(urlPathEqualTo("/v6/deployments")));
    }

    @Test
    void aTokenEchoedByTheApiNeverReachesTheMessage() {
        deployments(403, "{\"error\":{\"code\":\"forbidden\",\"message\":\"Token " + TOKEN + " is invalid\",\"invalidToken\":true}}");

        ProbeResult result = probe(deploymentCheck(Secret.of(TOKEN), Optional.empty(), Duration.ofMinutes(30)));

        assertThat(result.failureClass()).isEqualTo(FailureClass.AUTH);
        assertThat(result.message()).doesNotContain(TOKEN).contains("Token **** is invalid");
    }

    @Test
    void theSiteFailureWinsAndTheDeploymentIsStillTold() {
        PROVIDER.stubFor(get("/").willReturn(RawHttpFixture.load("vercel/site-deployment-not-found.txt").response()));
        deployments(200, ProviderFixtures.body("vercel/deployments-list-error-state.json"));

        ProbeResult result = probe(deploymentCheck(Secret.of(TOKEN), Optional.empty(), Duration.ofMinutes(30)));

        assertThat(result.failureClass()).isEqualTo(FailureClass.NOT_DEPLOYED);
        assertThat(result.httpStatus()).isEqualTo(404);
        assertThat(result.message()).isEqualTo("DEPLOYMENT_NOT_FOUND: site answered HTTP 404, the deployment was not found; "
                + "production deployment prospectpro-def456-example-team.vercel.app is ERROR");
    }

    @Test
    void anUnreachableSiteStillGetsItsDeploymentChecked() {
        deployments(200, ProviderFixtures.body("vercel/deployments-list-ok.json"));
        VercelOptions options = new VercelOptions(URI.create("http://prospectpro.invalid/"), Optional.empty(),
                Optional.of(PROJECT), Secret.of(TOKEN), Optional.empty(), PROVIDER.base(), Duration.ofMinutes(30));

        ProbeResult result = probe(options);

        assertThat(result.failureClass()).isEqualTo(FailureClass.DNS);
        assertThat(result.message()).isEqualTo("site: host name prospectpro.invalid did not resolve; "
                + "production deployment prospectpro-abc123-example-team.vercel.app READY, 42m old");
    }

    @Test
    void aSlowSiteUsesUpTheTimeoutItShares() {
        PROVIDER.stubFor(get("/").willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
        deployments(200, ProviderFixtures.body("vercel/deployments-list-ok.json"));
        CheckConfig check = CheckConfig.builder("frontend", "vercel", VercelCheckKind.NAME,
                deploymentCheck(Secret.of(TOKEN), Optional.empty(), Duration.ofMinutes(30))).timeout(Duration.ofMillis(400)).build();

        ProbeResult result = probe.probe(check);

        assertThat(result.failureClass()).isEqualTo(FailureClass.TIMEOUT);
        assertThat(result.message()).startsWith("site: no complete response within 400ms");
    }

    private VercelOptions deploymentCheck(Secret token, Optional<String> teamId, Duration maxBuildTime) {
        return new VercelOptions(URI.create(PROVIDER.baseUrl() + "/"), Optional.empty(), Optional.of(PROJECT), token, teamId,
                PROVIDER.base(), maxBuildTime);
    }

    private ProbeResult probe(VercelOptions options) {
        CheckConfig check = CheckConfig.builder("frontend", "vercel", VercelCheckKind.NAME, options)
                .timeout(Duration.ofSeconds(5)).build();
        return probe.probe(check);
    }

    private static void deployments(int status, String body) {
        deployments(status, body, Map.of());
    }

    private static void deployments(int status, String body, Map<String, String> headers) {
        var response = aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
        headers.forEach(response::withHeader);
        PROVIDER.stubFor(get(urlPathEqualTo("/v6/deployments")).willReturn(response));
    }
}
