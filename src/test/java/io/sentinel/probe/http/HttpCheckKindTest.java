package io.sentinel.probe.http;

import io.sentinel.http.HttpMethod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckKinds;
import io.sentinel.config.ConfigLoader;
import io.sentinel.config.ConfigProblem;
import io.sentinel.config.InvalidConfigException;
import io.sentinel.probe.condition.Condition;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpCheckKindTest {

    private static final String HEADER = """
            dependencies:
              - id: web
            checks:
              - id: home
                dependency: web
                kind: http
            """;

    private final ConfigLoader loader = new ConfigLoader(new CheckKinds(List.of(new HttpCheckKind())),
            Map.of("WEB_API_KEY", "web-key-0123456789", "WEB_HOST", "status.example.com")::get);

    @Test
    void theMinimalCheckIsAGetWithTheDefaults() throws Exception {
        HttpCheckOptions options = optionsOf(HEADER + "    url: https://example.com/\n");

        assertThat(options).isEqualTo(HttpCheckOptions.get(URI.create("https://example.com/")));
        assertThat(options.method()).isEqualTo(HttpMethod.GET);
        assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.followRedirects()).isTrue();
        assertThat(options.conditions()).isEmpty();
    }

    @Test
    void everyOptionIsRead() throws Exception {
        HttpCheckOptions options = optionsOf(HEADER + """
                    method: post
                    url: https://${WEB_HOST}/api/search
                    headers:
                      X-Api-Key: ${WEB_API_KEY}
                      Accept: application/json
                    body: '{"query": "coffee"}'
                    conditions:
                      - "[STATUS] == 200"
                      - '[BODY].results[0].id == pat(place-*)'
                      - "[RESPONSE_TIME] < 800"
                    connectTimeout: 2s
                    followRedirects: false
                """);

        assertThat(options.method()).isEqualTo(HttpMethod.POST);
        assertThat(options.url()).isEqualTo(URI.create("https://status.example.com/api/search"));
        assertThat(options.headers()).containsExactly(
                Map.entry("X-Api-Key", "web-key-0123456789"), Map.entry("Accept", "application/json"));
        assertThat(options.body()).contains("{\"query\": \"coffee\"}");
        assertThat(options.conditions()).extracting(Condition::text).containsExactly(
                "[STATUS] == 200", "[BODY].results[0].id == pat(place-*)", "[RESPONSE_TIME] < 800");
        assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.followRedirects()).isFalse();
    }

    @Test
    void theOptionsNeverPrintHeaderValues() throws Exception {
        HttpCheckOptions options = optionsOf(HEADER + """
                    url: https://example.com/health?key=abcdefghijkl
                    headers:
                      X-Api-Key: ${WEB_API_KEY}
                """);

        assertThat(options.toString()).contains("X-Api-Key").doesNotContain("web-key-0123456789", "abcdefghijkl");
    }

    @Test
    void aBadConditionIsReportedAtItsOwnLineWithAHint() {
        List<String> problems = problemsOf(HEADER + """
                    url: https://example.com/
                    conditions:
                      - "[STATUS] == 200"
                      - "[STATS] == 200"
                      - "[BODY].status < \\"OK\\""
                """);

        assertThat(problems).containsExactly(
                "sentinel.yaml:10:9: condition '[STATS] == 200': unknown placeholder [STATS] — use [STATUS], [RESPONSE_TIME], "
                        + "[BODY], [BODY].field.list[0].field or [HEADER].Name",
                "sentinel.yaml:11:9: condition '[BODY].status < \"OK\"': '<' compares numbers, but \"OK\" is not a number — "
                        + "use == or != to compare text, or pat(*…*) to match part of it; write numbers without quotes");
    }

    @Test
    void anUnquotedConditionThatYamlReadsAsAListIsReported() {
        List<String> problems = problemsOf(HEADER + """
                    url: https://example.com/
                    conditions:
                      - [STATUS]
                """);

        assertThat(problems).containsExactly(
                "sentinel.yaml:9:9: each item of 'conditions' must be a single value — put the item in quotes: - \"…\"");
    }

    @Test
    void aUrlWithoutSchemeIsReported() {
        List<String> problems = problemsOf(HEADER + "    url: example.com/health\n");

        assertThat(problems).containsExactly("sentinel.yaml:7:10: 'url' has no scheme: 'example.com/health' — "
                + "write the full URL, e.g. https://example.com/health");
    }

    @Test
    void aMissingUrlIsReported() {
        assertThat(problemsOf(HEADER)).singleElement().asString()
                .contains("missing required field 'url'").contains("https://api.example.com/health");
    }

    @Test
    void anUnknownOptionIsReportedWithTheNearestKnownOne() {
        List<String> problems = problemsOf(HEADER + """
                    url: https://example.com/
                    folowRedirects: false
                """);

        assertThat(problems).containsExactly(
                "sentinel.yaml:8:5: unknown key 'folowRedirects' in checks[0] — did you mean 'followRedirects'?");
    }

    @Test
    void anUnknownMethodIsReportedWithTheAllowedOnes() {
        assertThat(problemsOf(HEADER + "    url: https://example.com/\n    method: FETCH\n")).singleElement().asString()
                .contains("'method' cannot be 'FETCH'").contains("get, head, post, put, patch, delete, options");
    }

    @Test
    void headersTheClientComputesCannotBeConfigured() {
        assertThat(problemsOf(HEADER + """
                    url: https://example.com/
                    headers:
                      Content-Length: "12"
                """)).singleElement().asString().contains("header 'Content-Length' cannot be configured");
    }

    private HttpCheckOptions optionsOf(String yaml) throws InvalidConfigException {
        CheckConfig check = loader.parse(Path.of("sentinel.yaml"), yaml).check("home").orElseThrow();
        assertThat(check.kind()).isEqualTo("http");
        return check.options(HttpCheckOptions.class);
    }

    private List<String> problemsOf(String yaml) {
        InvalidConfigException invalid = catchThrowableOfType(InvalidConfigException.class,
                () -> loader.parse(Path.of("sentinel.yaml"), yaml));
        assertThat(invalid).as("the configuration should have been rejected").isNotNull();
        return invalid.problems().stream().map(ConfigProblem::format).toList();
    }

}
