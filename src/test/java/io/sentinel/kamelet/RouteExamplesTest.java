package io.sentinel.kamelet;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckIndex;
import io.sentinel.daemon.BeanNames;
import io.sentinel.metrics.RouteResultMetrics;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeExchange;
import io.sentinel.probe.ProbeResult;
import io.sentinel.testing.PostgresSchemas;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The example routes of {@code routes/examples/} as shipped, against WireMock and the real PostgreSQL: the source
 * Kamelet's tick is replaced by a direct: start carrying the check, as the source would; the heartbeat runs on its
 * own timer.
 */
class RouteExamplesTest extends CamelTestSupport {

    private static final String CLIENT_SECRET = "cl1ent-s3cret-0123456789";
    private static final String HEARTBEAT_PATH = "/ping/6f1c2a94-5b0e-4c1f-9d7e-2b3f4a5c6d7e";
    private static final WireMockServer SERVER = new WireMockServer(options().dynamicPort());
    private static final CheckConfig PARTNER = RouteTesting.routeCheck("partner-api", "partner", Duration.ofSeconds(2));
    private static final CheckConfig EXPORTS = RouteTesting.routeCheck("exports-stuck", "exports-db");
    private static final CheckConfig HEARTBEAT = RouteTesting.routeCheck("sentinel-heartbeat", "heartbeat-receiver");
    private static String exportsDatabase;

    @BeforeAll
    static void startServices() throws Exception {
        SERVER.start();
        exportsDatabase = PostgresSchemas.fresh("exports");
        try (Connection connection = DriverManager.getConnection(exportsDatabase, PostgresSchemas.USER, "");
             Statement sql = connection.createStatement()) {
            sql.execute("create table exports (id serial primary key, status text, created_at timestamptz)");
            sql.execute("insert into exports (status, created_at) select 'pending', now() - interval '1 hour'"
                    + " from generate_series(1, 3)");
            sql.execute("insert into exports (status, created_at) values ('pending', now()), ('done', now() - interval '2 hours')");
        }
    }

    @BeforeEach
    void freshStubs() {
        SERVER.resetAll();
        SERVER.stubFor(post(HEARTBEAT_PATH).willReturn(aResponse().withStatus(200).withBody("OK")));
    }

    @AfterAll
    static void stopServices() {
        SERVER.stop();
    }

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        configuration.withUseAdviceWith(true);
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        String base = "http://localhost:" + SERVER.port();
        properties.put("partner.token.url", base + "/oauth/token");
        properties.put("partner.api.url", base + "/v1/status");
        properties.put("partner.client.id", "sentinel");
        properties.put("exports.db.url", exportsDatabase);
        properties.put("exports.db.user", PostgresSchemas.USER);
        return properties;
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        CheckIndex checks = RouteTesting.index(PARTNER, EXPORTS, HEARTBEAT);
        registry.bind(BeanNames.HTTP_JUDGE, new HttpJudgeAction(checks, Clock.systemUTC()));
        registry.bind(BeanNames.RESULT_CONTRACT, new ResultContract(checks, new RouteResultMetrics(new SimpleMeterRegistry()),
                Clock.systemUTC()));
        Map<String, String> environment = Map.of("PARTNER_CLIENT_SECRET", CLIENT_SECRET,
                "EXPORTS_DB_PASSWORD", "unused-with-trust-auth", "HEARTBEAT_URL", "http://localhost:" + SERVER.port() + HEARTBEAT_PATH);
        context.getPropertiesComponent().addPropertiesFunction(new SecretProperties(environment::get));
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return RouteTesting.resultsToMock();
    }


    @Override
    protected void doPostSetup() throws Exception {
        for (String example : List.of("two-step-http", "sql-metric", "heartbeat")) {
            RouteTesting.loadFile(context, Path.of("routes/examples/" + example + ".yaml"));
        }
        AdviceWith.adviceWith(context, "example-two-step-http", route -> route.replaceFromWith("direct:partner-api"));
        AdviceWith.adviceWith(context, "example-sql-metric", route -> route.replaceFromWith("direct:exports-stuck"));
        context.start();
    }

    /** One tick of the source for this check, and the result it led to. */
    private ProbeResult probe(CheckConfig check) {
        template.send("direct:" + check.id(), exchange -> {
            exchange.setProperty(ProbeExchange.CHECK, check);
            exchange.getMessage().setBody(check.id());
        });
        return resultOf(check.id());
    }

    private ProbeResult resultOf(String checkId) {
        MockEndpoint results = getMockEndpoint("mock:results");
        return await().atMost(Duration.ofSeconds(30)).until(() -> results.getExchanges().stream()
                .map(exchange -> exchange.getMessage().getBody(ProbeResult.class))
                .filter(result -> result.checkId().equals(checkId)).reduce((first, last) -> last), found -> found.isPresent())
                .orElseThrow();
    }

    @Test
    void theTwoStepCheckUsesTheTokenAndJudgesTheAnswer() {
        SERVER.stubFor(post("/oauth/token").willReturn(okJson("{\"access_token\": \"tok-abc-123456789\", \"expires_in\": 3600}")));
        SERVER.stubFor(get("/v1/status").withHeader("Authorization", equalTo("Bearer tok-abc-123456789"))
                .willReturn(okJson("{\"status\": \"ok\", \"items\": [1]}")));

        ProbeResult result = probe(PARTNER);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.UP);
        assertThat(result.message()).isEqualTo("api: HTTP 200, all 3 conditions met");
        SERVER.verify(postRequestedFor(urlEqualTo("/oauth/token"))
                .withRequestBody(containing("client_secret=" + CLIENT_SECRET)));
        SERVER.verify(getRequestedFor(urlEqualTo("/v1/status")).withoutHeader("Content-Type"));
    }

    @Test
    void aRefusedTokenIsTheTokenStepsFailureAndTheApiIsNotCalled() {
        SERVER.stubFor(post("/oauth/token").willReturn(aResponse().withStatus(401)
                .withBody("{\"error\": \"invalid_client\", \"secret\": \"" + CLIENT_SECRET + "\"}")));

        ProbeResult result = probe(PARTNER);

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.failureClass()).isEqualTo(FailureClass.AUTH);
        assertThat(result.message()).startsWith("token: HTTP 401").doesNotContain(CLIENT_SECRET);
        SERVER.verify(0, getRequestedFor(urlEqualTo("/v1/status")));
    }

    @Test
    void anApiAnswerThatFailsAConditionIsDown() {
        SERVER.stubFor(post("/oauth/token").willReturn(okJson("{\"access_token\": \"tok-abc-123456789\"}")));
        SERVER.stubFor(get("/v1/status").willReturn(okJson("{\"status\": \"ok\", \"items\": []}")));

        ProbeResult result = probe(PARTNER);

        assertThat(result.failureClass()).isEqualTo(FailureClass.CONDITION);
        assertThat(result.message()).isEqualTo("api: 1 of 3 conditions failed: len([BODY].items) > 0 (got 0)");
    }

    @Test
    void theSqlMetricReadsTheNumberFromPostgres() {
        ProbeResult result = probe(EXPORTS);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.UP);
        assertThat(result.readings()).containsExactly(Map.entry("exports.stuck", 3.0));
        assertThat(result.message()).isEqualTo("3 exports waiting for more than 10 minutes");
    }

    @Test
    void aFailingQueryIsDownWithTheDatabasesMessage() throws Exception {
        try (Connection connection = DriverManager.getConnection(exportsDatabase, PostgresSchemas.USER, "");
             Statement sql = connection.createStatement()) {
            sql.execute("alter table exports rename to exports_moved");
        }
        try {
            ProbeResult result = probe(EXPORTS);

            assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
            assertThat(result.failureClass()).isEqualTo(FailureClass.DB);
            assertThat(result.message()).startsWith("query failed: ").contains("exports");
        } finally {
            try (Connection connection = DriverManager.getConnection(exportsDatabase, PostgresSchemas.USER, "");
                 Statement sql = connection.createStatement()) {
                sql.execute("alter table exports_moved rename to exports");
            }
        }
    }

    @Test
    void theHeartbeatPostsOnItsTimerAndItsAnswerIsJudged() {
        ProbeResult result = resultOf(HEARTBEAT.id());

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.UP);
        SERVER.verify(postRequestedFor(urlEqualTo(HEARTBEAT_PATH)).withRequestBody(containing("\"service\": \"sentinel\"")));
    }
}
