package io.sentinel.kamelet;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckIndex;
import io.sentinel.daemon.BeanNames;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeExchange;
import io.sentinel.probe.ProbeResult;
import io.sentinel.testing.DaemonProcess;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code sentinel-http-judge-action} Kamelet in YAML routes that call WireMock with camel-http, as an
 * operator writes them: answers, conditions, a latency limit, a failed call caught by doCatch, a broken parameter.
 */
class HttpJudgeKameletTest extends CamelTestSupport {

    private static final WireMockServer SERVER = new WireMockServer(options().dynamicPort());
    private static final CheckConfig API = RouteTesting.routeCheck("partner-api", "partner");
    private static final CheckConfig HEARTBEAT = RouteTesting.routeCheck("heartbeat", "partner");

    @BeforeAll
    static void startServer() {
        SERVER.start();
        SERVER.stubFor(get("/ok").willReturn(okJson("{\"status\": \"ok\", \"items\": [1, 2]}")));
        SERVER.stubFor(get("/degraded").willReturn(okJson("{\"status\": \"degraded\"}")));
        SERVER.stubFor(get("/down").willReturn(serviceUnavailable().withBody("maintenance")));
        SERVER.stubFor(get("/slow").willReturn(okJson("{\"status\": \"ok\"}").withFixedDelay(400)));
        SERVER.stubFor(get("/denied").willReturn(aResponse().withStatus(401).withBody("{\"error\": \"bad token\"}")));
    }

    @AfterAll
    static void stopServer() {
        SERVER.stop();
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        CheckIndex checks = RouteTesting.index(API, HEARTBEAT);
        registry.bind(BeanNames.HTTP_JUDGE, new HttpJudgeAction(checks, Clock.systemUTC()));
    }

    @Override
    protected void doPostSetup() throws Exception {
        String base = "http://localhost:" + SERVER.port();
        RouteTesting.loadYaml(context, "judged.yaml", """
                - route:
                    id: judge-with-conditions
                    from:
                      uri: direct:conditions
                      steps:
                        - toD: "${header.path}"
                        - to:
                            uri: kamelet:sentinel-http-judge-action
                            parameters:
                              conditions: "[STATUS] == 200; [BODY].status == ok"
                              latencyLimit: 200ms
                - route:
                    id: judge-by-status
                    from:
                      uri: direct:status
                      steps:
                        - doTry:
                            steps:
                              - toD: "${header.path}"
                              - to:
                                  uri: kamelet:sentinel-http-judge-action
                                  parameters:
                                    step: data
                            doCatch:
                              - exception: [java.lang.Exception]
                                steps:
                                  - to:
                                      uri: kamelet:sentinel-http-judge-action
                                      parameters:
                                        step: data
                - route:
                    id: judge-broken-condition
                    from:
                      uri: direct:broken
                      steps:
                        - to: "%1$s/ok?throwExceptionOnFailure=false"
                        - to:
                            uri: kamelet:sentinel-http-judge-action
                            parameters:
                              conditions: "[STATUS] >= ok"
                - route:
                    id: judge-named-check
                    from:
                      uri: direct:named
                      steps:
                        - to: "%1$s/ok"
                        - to:
                            uri: kamelet:sentinel-http-judge-action
                            parameters:
                              check: heartbeat
                """.formatted(base));
    }

    private ProbeResult judge(String endpoint, String path) {
        String url = "http://localhost:" + SERVER.port() + path;
        return template.send(endpoint, exchange -> {
            exchange.setProperty(ProbeExchange.CHECK, API);
            exchange.getMessage().setHeader("path", url + "?throwExceptionOnFailure=false");
        }).getMessage().getBody(ProbeResult.class);
    }

    @Test
    void anAnswerThatMeetsEveryConditionIsUp() {
        ProbeResult result = judge("direct:conditions", "/ok");

        assertThat(result.checkId()).isEqualTo("partner-api");
        assertThat(result.dependency()).isEqualTo("partner");
        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.UP);
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.message()).isEqualTo("HTTP 200, all 2 conditions met");
    }

    @Test
    void aFailedConditionIsDownAndNamed() {
        ProbeResult result = judge("direct:conditions", "/degraded");

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.failureClass()).isEqualTo(FailureClass.CONDITION);
        assertThat(result.message()).isEqualTo("1 of 2 conditions failed: [BODY].status == ok (got \"degraded\")");
    }

    @Test
    void aGoodAnswerAboveTheLatencyLimitIsDegraded() {
        ProbeResult result = judge("direct:conditions", "/slow");

        // the stub waits 400 ms, so the probe took at least that: above the 200 ms limit whatever the machine's load
        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.DEGRADED);
        assertThat(result.latency()).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(result.message()).contains("above the 200ms limit");
    }

    @Test
    void withoutConditionsTheStatusDecidesAndTheStepIsNamed() {
        ProbeResult down = judge("direct:status", "/down");
        ProbeResult denied = judge("direct:status", "/denied");

        assertThat(down.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(down.failureClass()).isEqualTo(FailureClass.HTTP_5XX);
        assertThat(down.message()).isEqualTo("data: HTTP 503: maintenance");
        assertThat(denied.failureClass()).isEqualTo(FailureClass.AUTH);
        assertThat(judge("direct:status", "/ok").outcome()).isEqualTo(Outcome.UP);
    }

    @Test
    void aCallWithoutAnAnswerIsJudgedInItsDoCatch() {
        int closed = DaemonProcess.freePort();
        ProbeResult result = template.send("direct:status", exchange -> {
            exchange.setProperty(ProbeExchange.CHECK, API);
            exchange.getMessage().setHeader("path", "http://127.0.0.1:" + closed + "/health");
        }).getMessage().getBody(ProbeResult.class);

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.failureClass()).isEqualTo(FailureClass.CONNECT);
        assertThat(result.message()).startsWith("data: could not connect to 127.0.0.1:" + closed);
    }

    @Test
    void anHttpErrorThrownByCamelHttpIsJudgedAsTheAnswerItCarries() {
        ProbeResult result = template.send("direct:status", exchange -> {
            exchange.setProperty(ProbeExchange.CHECK, API);
            exchange.getMessage().setHeader("path", "http://localhost:" + SERVER.port() + "/down");
        }).getMessage().getBody(ProbeResult.class);

        assertThat(result.failureClass()).isEqualTo(FailureClass.HTTP_5XX);
        assertThat(result.httpStatus()).isEqualTo(503);
    }

    @Test
    void aConditionThatDoesNotParseIsAContractFailureNamingIt() {
        ProbeResult result = template.send("direct:broken", exchange -> exchange.setProperty(ProbeExchange.CHECK, API))
                .getMessage().getBody(ProbeResult.class);

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.failureClass()).isEqualTo(FailureClass.CONTRACT);
        assertThat(result.message()).startsWith("judge parameter conditions: '[STATUS] >= ok'");
    }

    @Test
    void theCheckParameterNamesTheCheckWhenNoSourceDid() {
        ProbeResult result = template.requestBody("direct:named", null, ProbeResult.class);

        assertThat(result.checkId()).isEqualTo("heartbeat");
        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.UP);
    }

    @Test
    void aRouteThatNamesNoCheckFailsLoudly() {
        assertThatThrownBy(() -> template.sendBodyAndHeaders("direct:conditions", null,
                Map.of("path", "http://localhost:" + SERVER.port() + "/ok")))
                .isInstanceOf(CamelExecutionException.class)
                .hasRootCauseMessage("sentinel-http-judge-action does not know which check it judges: start the route"
                        + " with the sentinel-check-source Kamelet, or give the judge a check parameter");
    }
}
