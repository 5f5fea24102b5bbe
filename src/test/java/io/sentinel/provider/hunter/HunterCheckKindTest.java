package io.sentinel.provider.hunter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckKinds;
import io.sentinel.config.ConfigLoader;
import io.sentinel.config.ConfigProblem;
import io.sentinel.config.InvalidConfigException;
import io.sentinel.provider.ApiKeyOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HunterCheckKindTest {

    private static final String HEADER = """
            dependencies:
              - id: hunter
            checks:
              - id: hunter-account
                dependency: hunter
                kind: hunter
            """;

    private final ConfigLoader loader = new ConfigLoader(new CheckKinds(List.of(HunterKind.KIND)),
            Map.of("HUNTER_API_KEY", "hunter-config-key-0123456789")::get);

    @Test
    void aValidCheckReadsTheKeyAndDefaultsTheBaseUrl() throws Exception {
        ApiKeyOptions options = optionsOf(HEADER + "    apiKey: ${HUNTER_API_KEY}\n");

        assertThat(options.baseUrl()).isEqualTo(URI.create("https://api.hunter.io"));
        assertThat(HunterKind.accountUrl(options)).isEqualTo(URI.create("https://api.hunter.io/v2/account"));
        assertThat(options.apiKey().value()).isEqualTo("hunter-config-key-0123456789");
        assertThat(options.missingCredential()).isEmpty();
        assertThat(options.toString()).doesNotContain("hunter-config-key-0123456789");
    }

    @Test
    void theBaseUrlCanPointElsewhere() throws Exception {
        ApiKeyOptions options = optionsOf(HEADER + "    apiKey: ${HUNTER_API_KEY}\n    baseUrl: http://localhost:8089/\n");

        assertThat(HunterKind.accountUrl(options)).isEqualTo(URI.create("http://localhost:8089/v2/account"));
    }

    @Test
    void aCheckWithoutKeyIsValidAndWillSkip() throws Exception {
        ApiKeyOptions options = optionsOf(HEADER);

        assertThat(options.missingCredential()).contains("set apiKey: ${HUNTER_API_KEY}");
    }

    @Test
    void aBaseUrlWithoutSchemeIsReportedAtItsLine() {
        assertThat(problemsOf(HEADER + "    apiKey: ${HUNTER_API_KEY}\n    baseUrl: api.hunter.io\n")).containsExactly(
                "sentinel.yaml:8:14: 'baseUrl' has no scheme: 'api.hunter.io' — write the full URL, e.g. https://api.hunter.io");
    }

    @Test
    void anUnknownOptionIsReportedWithTheNearestKnownOne() {
        assertThat(problemsOf(HEADER + "    apiKy: ${HUNTER_API_KEY}\n")).containsExactly(
                "sentinel.yaml:7:5: unknown key 'apiKy' in checks[0] — did you mean 'apiKey'?");
    }

    private ApiKeyOptions optionsOf(String yaml) throws InvalidConfigException {
        CheckConfig check = loader.parse(Path.of("sentinel.yaml"), yaml).check("hunter-account").orElseThrow();
        assertThat(check.kind()).isEqualTo("hunter");
        return check.options(ApiKeyOptions.class);
    }

    private List<String> problemsOf(String yaml) {
        InvalidConfigException invalid = catchThrowableOfType(InvalidConfigException.class,
                () -> loader.parse(Path.of("sentinel.yaml"), yaml));
        assertThat(invalid).as("the configuration should have been rejected").isNotNull();
        return invalid.problems().stream().map(ConfigProblem::format).toList();
    }
}
