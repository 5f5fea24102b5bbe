package io.sentinel.provider.neverbounce;

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

class NeverBounceCheckKindTest {

    private static final String HEADER = """
            dependencies:
              - id: neverbounce
            checks:
              - id: neverbounce-account
                dependency: neverbounce
                kind: neverbounce
            """;

    private final ConfigLoader loader = new ConfigLoader(new CheckKinds(List.of(NeverBounceKind.KIND)),
            Map.of("NEVERBOUNCE_API_KEY", "nb-config-key-0123456789")::get);

    @Test
    void aValidCheckReadsTheKeyAndDefaultsTheBaseUrl() throws Exception {
        ApiKeyOptions options = optionsOf(HEADER + "    apiKey: ${NEVERBOUNCE_API_KEY}\n");

        assertThat(options.baseUrl()).isEqualTo(URI.create("https://api.neverbounce.com"));
        assertThat(NeverBounceKind.accountInfoUrl(options))
                .isEqualTo(URI.create("https://api.neverbounce.com/v4.2/account/info?key=nb-config-key-0123456789"));
        assertThat(options.missingCredential()).isEmpty();
        assertThat(options.toString()).doesNotContain("nb-config-key-0123456789");
    }

    @Test
    void anOptionalVariableThatIsUnsetMakesTheCheckSkip() throws Exception {
        ApiKeyOptions options = optionsOf(HEADER + "    apiKey: ${NB_OTHER_KEY:}\n");

        assertThat(options.missingCredential()).contains("set NB_OTHER_KEY");
    }

    @Test
    void aBaseUrlWithAnotherSchemeIsReportedAtItsLine() {
        assertThat(problemsOf(HEADER + "    apiKey: ${NEVERBOUNCE_API_KEY}\n    baseUrl: ftp://api.neverbounce.com\n"))
                .containsExactly("sentinel.yaml:8:14: 'baseUrl' has scheme 'ftp' — use http or https");
    }

    private ApiKeyOptions optionsOf(String yaml) throws InvalidConfigException {
        CheckConfig check = loader.parse(Path.of("sentinel.yaml"), yaml).check("neverbounce-account").orElseThrow();
        assertThat(check.kind()).isEqualTo("neverbounce");
        return check.options(ApiKeyOptions.class);
    }

    private List<String> problemsOf(String yaml) {
        InvalidConfigException invalid = catchThrowableOfType(InvalidConfigException.class,
                () -> loader.parse(Path.of("sentinel.yaml"), yaml));
        assertThat(invalid).as("the configuration should have been rejected").isNotNull();
        return invalid.problems().stream().map(ConfigProblem::format).toList();
    }
}
