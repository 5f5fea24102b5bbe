package io.sentinel.kamelet;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sentinel.config.CheckConfig;
import io.sentinel.daemon.BeanNames;
import io.sentinel.metrics.RouteResultMetrics;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeExchange;
import io.sentinel.probe.ProbeResult;
import io.sentinel.testing.MutableClock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/**
 * The {@code sentinel-result-sink} Kamelet: what an operator's route hands over reaches {@code direct:results} as a
 * ProbeResult, a broken contract as a DOWN result of class CONTRACT naming the field, and a result for no
 * configured check never reaches it at all.
 */
class ResultSinkKameletTest extends CamelTestSupport {

    private static final CheckConfig QUEUE = RouteTesting.routeCheck("export-queue", "exports");
    private static final CheckConfig OTHER = RouteTesting.routeCheck("export-api", "exports");

    private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind(BeanNames.RESULT_CONTRACT, new ResultContract(RouteTesting.index(QUEUE, OTHER),
                new RouteResultMetrics(metrics), clock));
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return RouteTesting.resultsToMock();
    }


    @Override
    protected void doPostSetup() throws Exception {
        RouteTesting.loadYaml(context, "sink.yaml", """
                - route:
                    id: operator-route
                    from:
                      uri: direct:probe
                      steps:
                        - to: kamelet:sentinel-result-sink
                """);
    }

    private ProbeResult sendFromSource(Object body, Map<String, Object> headers) throws InterruptedException {
        return send(QUEUE, body, headers);
    }

    private ProbeResult send(CheckConfig source, Object body, Map<String, Object> headers) throws InterruptedException {
        MockEndpoint results = sendExpecting(1, source, body, headers);
        ProbeResult result = results.getExchanges().get(0).getMessage().getBody(ProbeResult.class);
        assertThat(results.getExchanges().get(0).getProperty(ProbeExchange.CHECK, CheckConfig.class).id())
                .isEqualTo(result.checkId());
        return result;
    }

    private void assertRefused(CheckConfig source, Object body, Map<String, Object> headers, String reason)
            throws InterruptedException {
        sendExpecting(0, source, body, headers);
        assertThat(metrics.counter("sentinel.route.results.refused", "reason", reason).count()).isEqualTo(1.0);
    }

    /** Runs the operator's route as the source would start it (with its check on the exchange, or without). */
    private MockEndpoint sendExpecting(int results, CheckConfig source, Object body, Map<String, Object> headers)
            throws InterruptedException {
        MockEndpoint mock = getMockEndpoint("mock:results");
        mock.reset();
        mock.expectedMessageCount(results);
        template.send("direct:probe", exchange -> {
            if (source != null) {
                exchange.setProperty(ProbeExchange.CHECK, source);
            }
            exchange.getMessage().setHeaders(new LinkedHashMap<>(headers));
            exchange.getMessage().setBody(body);
        });
        mock.assertIsSatisfied();
        return mock;
    }

    @Test
    void aProbeResultPassesAsItIs() throws InterruptedException {
        ProbeResult built = ProbeResult.of("export-api", "exports", clock.instant()).httpStatus(200).up("HTTP 200");

        assertThat(send(null, built, Map.of())).isSameAs(built);
    }

    @Test
    void headersMakeAResultWithReadings() throws InterruptedException {
        ProbeResult result = sendFromSource(null, Map.of("SentinelOutcome", "up", "SentinelMessage", "12 exports waiting",
                "SentinelReading.exports.pending", "12", "SentinelLatencyMs", 35));

        assertThat(result.checkId()).isEqualTo("export-queue");
        assertThat(result.dependency()).isEqualTo("exports");
        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.message()).isEqualTo("12 exports waiting");
        assertThat(result.readings()).containsExactly(Map.entry("exports.pending", 12.0));
        assertThat(result.latency()).isEqualTo(Duration.ofMillis(35));
        assertThat(result.startedAt()).isEqualTo(clock.instant().minusMillis(35));
    }

    @Test
    void aMapBodyMakesAResultAndMayNameItsCheck() throws InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("checkId", "export-api");
        body.put("outcome", "DOWN");
        body.put("failureClass", "quota");
        body.put("message", "monthly exports used up");
        body.put("httpStatus", 429);
        body.put("readings", Map.of("exports.remaining", 0));

        ProbeResult result = send(null, body, Map.of());

        assertThat(result.checkId()).isEqualTo("export-api");
        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.failureClass()).isEqualTo(FailureClass.QUOTA);
        assertThat(result.httpStatus()).isEqualTo(429);
        assertThat(result.readings()).containsEntry("exports.remaining", 0.0);
    }

    @Test
    void aMissingOutcomeIsAContractFailureNamingTheHeader() throws InterruptedException {
        ProbeResult result = sendFromSource(null, Map.of("SentinelMessage", "all good"));

        assertContract(result, "result contract broken: SentinelOutcome is missing — set it to one of UP, DEGRADED,"
                + " DOWN, SKIPPED (the route said: all good)");
    }

    @Test
    void nothingAtAllIsAContractFailureNotASilentResult() throws InterruptedException {
        ProbeResult result = sendFromSource("plain text", Map.of());

        assertContract(result, "result contract broken: no result given: set header SentinelOutcome (and the other"
                + " Sentinel… headers), or send a ProbeResult or a map with outcome");
    }

    @Test
    void wrongValuesAreEachNamed() throws InterruptedException {
        ProbeResult result = sendFromSource(null, Map.of("SentinelOutcome", "GREEN", "SentinelHttpStatus", "2OO",
                "SentinelReading.Queue Depth", "3", "SentinelReading.lag.seconds", "a while"));

        assertContract(result, "SentinelOutcome 'GREEN' is not an outcome — use one of UP, DEGRADED, DOWN, SKIPPED");
        assertThat(result.message())
                .contains("SentinelHttpStatus '2OO' is not an HTTP status")
                .contains("reading SentinelReading.Queue Depth: the name must be dotted lower-case words")
                .contains("reading SentinelReading.lag.seconds 'a while' is not a number");
        assertThat(result.readings()).isEmpty();
    }

    @Test
    void aDownResultWithoutAFailureClassIsAContractFailure() throws InterruptedException {
        ProbeResult result = sendFromSource(Map.of("outcome", "DOWN", "message", "queue stuck"), Map.of());

        assertContract(result, "failureClass is missing — a DOWN result needs one of AUTH, QUOTA");
    }

    @Test
    void aFailureClassOnAGoodResultAndAnUnknownFieldAreContractFailures() throws InterruptedException {
        ProbeResult result = sendFromSource(null, Map.of("SentinelOutcome", "UP", "SentinelFailureClass", "TIMEOUT",
                "SentinelOutcom", "UP"));

        assertContract(result, "SentinelFailureClass 'TIMEOUT' is set on a UP result — only a DOWN result has a failure class");
        assertThat(result.message()).contains("unknown field SentinelOutcom — the contract has SentinelCheckId,");
    }

    @Test
    void aMapWithAMisspelledKeyOrReadingsThatAreNoMapIsAContractFailure() throws InterruptedException {
        ProbeResult result = sendFromSource(Map.of("outcome", "UP", "mesage", "ok", "readings", List.of(1, 2)), Map.of());

        assertContract(result, "unknown field mesage — the contract has checkId, outcome, failureClass, message,"
                + " readings, latencyMs, httpStatus");
        assertThat(result.message()).contains("readings must be a map of reading names to numbers");
    }

    @Test
    void aCheckIdOtherThanTheProbedCheckIsAContractFailureOfTheProbedCheck() throws InterruptedException {
        ProbeResult result = sendFromSource(null, Map.of("SentinelCheckId", "export-api", "SentinelOutcome", "UP"));

        assertThat(result.checkId()).isEqualTo("export-queue");
        assertContract(result, "SentinelCheckId 'export-api' is not the check this route probes ('export-queue')");
    }

    @Test
    void aResultForACheckThatIsNotConfiguredIsRefusedAndCounted() throws InterruptedException {
        assertRefused(null, null, Map.of("SentinelCheckId", "exports-typo", "SentinelOutcome", "UP"), "unknown_check");
    }

    @Test
    void aProbeResultForACheckThatIsNotConfiguredIsRefusedToo() throws InterruptedException {
        ProbeResult phantom = ProbeResult.of("phantom", "exports", clock.instant()).up("fine");

        assertRefused(QUEUE, phantom, Map.of(), "unknown_check");
    }

    @Test
    void aResultThatNamesNoCheckIsRefused() throws InterruptedException {
        assertRefused(null, Map.of("outcome", "UP"), Map.of(), "no_check");
    }

    private static void assertContract(ProbeResult result, String message) {
        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.failureClass()).isEqualTo(FailureClass.CONTRACT);
        assertThat(result.message()).contains(message);
    }
}
