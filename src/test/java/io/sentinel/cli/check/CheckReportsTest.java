package io.sentinel.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentinel.config.CheckConfig;
import io.sentinel.config.Severity;
import io.sentinel.json.Json;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.ProbeResult;
import io.sentinel.probe.http.HttpCheckOptions;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The three report formats of {@code sentinel check} for one run with every outcome in it. */
class CheckReportsTest {

    private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");

    private final CheckRun run = new CheckRun(AT, Duration.ofMillis(1234), List.of(
            checked("site", "frontend", Severity.CRITICAL, builder -> builder.latency(Duration.ofMillis(120)).httpStatus(200)
                    .up("HTTP 200")),
            checked("auth", "supabase-auth", Severity.CRITICAL, builder -> builder.latency(Duration.ofMillis(80)).httpStatus(500)
                    .down(FailureClass.HTTP_5XX, "HTTP 500 <html> & \"quotes\" \u0007bell")),
            checked("hunter-account", "hunter", Severity.MEDIUM, builder -> builder.skipped("set HUNTER_API_KEY")),
            checked("places", "google-places", Severity.HIGH, builder -> builder.latency(Duration.ofMillis(900))
                    .down(FailureClass.TIMEOUT, "no answer within 900ms"))));

    @Test
    void onlyACriticalDownFailsTheRun() {
        assertThat(run.exitCode()).isEqualTo(CheckRun.CRITICAL_DOWN);
        assertThat(run.criticalDown()).containsExactly("auth");
        assertThat(run.summary()).isEqualTo("4 checks: 1 UP, 2 DOWN, 1 SKIPPED");

        CheckRun nonCritical = new CheckRun(AT, Duration.ZERO, run.results().subList(2, 4));
        assertThat(nonCritical.exitCode()).isEqualTo(CheckRun.PASSED);
    }

    @Test
    void junitXmlIsWellFormedWithAFailurePerDownAndASkipPerSkipped() throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(JunitReport.render(run).getBytes(StandardCharsets.UTF_8)));

        Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(suite.getAttribute("time")).isEqualTo("1.234");
        assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-11-26T09:00:00");
        NodeList cases = xml.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(4);
        Element auth = (Element) cases.item(1);
        assertThat(auth.getAttribute("name")).isEqualTo("auth");
        assertThat(auth.getAttribute("classname")).isEqualTo("supabase-auth");
        Element failure = (Element) auth.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("HTTP_5XX");
        assertThat(failure.getAttribute("message")).isEqualTo("[critical] HTTP 500 <html> & \"quotes\" ?bell");
        assertThat(((Element) cases.item(2)).getElementsByTagName("skipped").item(0).getAttributes()
                .getNamedItem("message").getNodeValue()).isEqualTo("set HUNTER_API_KEY");
        assertThat(((Element) cases.item(0)).getElementsByTagName("system-out").item(0).getTextContent()).isEqualTo("UP: HTTP 200");
        assertThat(((Element) cases.item(3)).getElementsByTagName("failure").item(0).getAttributes()
                .getNamedItem("message").getNodeValue()).startsWith("[high] ");
    }

    @Test
    void jsonCarriesTheExitCodeAndEachResultWithItsSeverity() throws Exception {
        JsonNode json = Json.mapper().readTree(JsonReport.render(run));

        assertThat(json.path("exitCode").asInt()).isEqualTo(1);
        assertThat(json.path("criticalDown").get(0).asText()).isEqualTo("auth");
        assertThat(json.path("summary").path("DOWN").asInt()).isEqualTo(2);
        assertThat(json.path("results")).hasSize(4);
        assertThat(json.path("results").get(1).path("severity").asText()).isEqualTo("critical");
        assertThat(json.path("results").get(1).path("failureClass").asText()).isEqualTo("HTTP_5XX");
        assertThat(json.path("results").get(2).path("outcome").asText()).isEqualTo("SKIPPED");
    }

    @Test
    void theTableListsEveryCheckAndSaysWhichCriticalOneIsDown() {
        String table = TableReport.render(run);

        assertThat(table.lines().toList()).hasSize(7);
        assertThat(table.lines().skip(2).findFirst().orElseThrow()).startsWith("auth ").contains("DOWN HTTP_5XX", "80ms");
        assertThat(table.lines().skip(3).findFirst().orElseThrow()).contains("SKIPPED", " - ", "set HUNTER_API_KEY");
        assertThat(table).endsWith("4 checks: 1 UP, 2 DOWN, 1 SKIPPED; critical and DOWN: auth\n");
    }

    private interface Outcome {
        ProbeResult of(ProbeResult.Builder builder);
    }

    private static CheckedResult checked(String id, String dependency, Severity severity, Outcome outcome) {
        CheckConfig check = CheckConfig.builder(id, dependency, "http", HttpCheckOptions.get(URI.create("http://127.0.0.1:9/")))
                .severity(severity).build();
        return new CheckedResult(check, outcome.of(ProbeResult.of(id, dependency, AT)));
    }
}
