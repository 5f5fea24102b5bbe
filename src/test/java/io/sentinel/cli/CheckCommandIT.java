package io.sentinel.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.sentinel.json.Json;
import io.sentinel.provider.ProviderFixtures;
import io.sentinel.testing.JarCommand;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code java -jar sentinel.jar check} as a CI job runs it after a deploy, against WireMock: its exit codes, and
 * stdout holding nothing but the report (JUnit XML or JSON a CI system parses).
 */
class CheckCommandIT {

    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final String HUNTER_KEY = "hunter-cli-key-5b1e07c9d2";

    @TempDir
    static Path directory;

    private static WireMockServer target;

    @BeforeAll
    static void writeConfigurationAgainstWireMock() throws Exception {
        target = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        target.start();
        target.stubFor(get("/site").willReturn(okJson("{\"status\":\"ok\"}")));
        target.stubFor(get("/auth/v1/health").willReturn(serverError().withBody("upstream down")));
        target.stubFor(get("/reports").willReturn(serverError()));
        target.stubFor(get(urlPathEqualTo("/v2/account")).willReturn(ProviderFixtures.json(200, "hunter/account-ok.json")));
        String base = "http://127.0.0.1:" + target.port();
        Files.writeString(directory.resolve("sentinel.yaml"), """
                dependencies:
                  - id: frontend
                  - id: supabase-auth
                  - id: reporting
                  - id: hunter
                  - id: neverbounce
                checks:
                  - {id: site, dependency: frontend, kind: http, severity: critical, url: "%1$s/site"}
                  - {id: auth-health, dependency: supabase-auth, kind: http, severity: critical, url: "%1$s/auth/v1/health"}
                  - {id: reports, dependency: reporting, kind: http, severity: medium, url: "%1$s/reports"}
                  - id: hunter-account
                    dependency: hunter
                    kind: hunter
                    severity: medium
                    apiKey: ${HUNTER_API_KEY}
                    baseUrl: %1$s
                  - id: neverbounce-account
                    dependency: neverbounce
                    kind: neverbounce
                    apiKey: ${NEVERBOUNCE_API_KEY:}
                """.formatted(base));
    }

    @AfterAll
    static void stopTarget() {
        target.stop();
    }

    @Test
    void aCriticalCheckDownFailsTheJobAndJunitXmlNamesEveryCheck() throws Exception {
        JarCommand run = check("--format", "junit");

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(run.stdout().getBytes(StandardCharsets.UTF_8)));
        Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("tests")).isEqualTo("5");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        Element auth = testcase(xml, "auth-health");
        assertThat(auth.getAttribute("classname")).isEqualTo("supabase-auth");
        assertThat(((Element) auth.getElementsByTagName("failure").item(0)).getAttribute("type")).isEqualTo("HTTP_5XX");
        assertThat(testcase(xml, "reports").getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(((Element) testcase(xml, "neverbounce-account").getElementsByTagName("skipped").item(0))
                .getAttribute("message")).isEqualTo("set NEVERBOUNCE_API_KEY");
        assertThat(testcase(xml, "hunter-account").getElementsByTagName("system-out").item(0).getTextContent())
                .startsWith("UP: ");
        assertThat(run.stdout() + run.stderr()).doesNotContain(HUNTER_KEY);
    }

    @Test
    void nonCriticalChecksDownStillPassButAreListed() throws Exception {
        JarCommand run = check("--only", "site,reports", "--dependency", "hunter");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("reports", "DOWN HTTP_5XX", "hunter-account")
                .contains("3 checks: 2 UP, 1 DOWN; no critical check is DOWN");
    }

    @Test
    void jsonOnStdoutIsTheWholeOutputAndParses() throws Exception {
        JarCommand run = check("--dependency", "supabase-auth", "--format", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode report = Json.mapper().readTree(run.stdout());
        assertThat(report.path("exitCode").asInt()).isEqualTo(1);
        assertThat(report.path("criticalDown").get(0).asText()).isEqualTo("auth-health");
        assertThat(report.path("results")).hasSize(1);
        assertThat(report.path("results").get(0).path("httpStatus").asInt()).isEqualTo(500);
    }

    @Test
    void anUnknownCheckIdIsAUsageErrorAndNothingIsProbed() throws Exception {
        int requestsBefore = target.findAll(getRequestedFor(urlPathEqualTo("/site"))).size();

        JarCommand run = check("--only", "sit");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("no check with id 'sit' in the configuration; did you mean 'site'?")
                .contains("Usage: sentinel check");
        assertThat(target.findAll(getRequestedFor(urlPathEqualTo("/site")))).hasSize(requestsBefore);
    }

    @Test
    void wrongArgumentsExitTwoAndHelpAndVersionExitZero() throws Exception {
        JarCommand wrong = JarCommand.run(directory, Map.of(), LIMIT, "check", "--format", "yaml");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.stderr()).contains("--format must be table, json or junit");

        JarCommand help = JarCommand.run(directory, Map.of(), LIMIT, "check", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).startsWith("Usage: sentinel check");

        JarCommand version = JarCommand.run(directory, Map.of(), LIMIT, "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.stdout().strip()).matches("sentinel \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void anInvalidConfigurationExitsTwoBeforeAnyProbe() throws Exception {
        Files.writeString(directory.resolve("broken.yaml"), "dependencies: [{id: web}]\nchecks:\n  - {id: home, dependency: web}\n");

        JarCommand run = JarCommand.run(directory, Map.of(), LIMIT, "check", "--config", "broken.yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("broken.yaml").contains("nothing was checked");
    }

    private static JarCommand check(String... options) throws Exception {
        String[] arguments = new String[options.length + 3];
        arguments[0] = "check";
        arguments[1] = "--config";
        arguments[2] = "sentinel.yaml";
        System.arraycopy(options, 0, arguments, 3, options.length);
        return JarCommand.run(directory, Map.of("HUNTER_API_KEY", HUNTER_KEY), LIMIT, arguments);
    }

    private static Element testcase(Document xml, String name) {
        NodeList cases = xml.getElementsByTagName("testcase");
        for (int index = 0; index < cases.getLength(); index++) {
            Element testcase = (Element) cases.item(index);
            if (testcase.getAttribute("name").equals(name)) {
                return testcase;
            }
        }
        throw new AssertionError("no testcase " + name);
    }
}
