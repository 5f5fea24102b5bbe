package io.sentinel.provider.cobalt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckKinds;
import io.sentinel.config.ConfigLoader;
import io.sentinel.config.ConfigProblem;
import io.sentinel.config.InvalidConfigException;
import io.sentinel.daemon.BuiltInKinds;
import io.sentinel.provider.SingleCallKind;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CobaltCheckKindTest {

    private static final String KEY = "FAKE-cobalt-config-key-0123456789";
    private static final String HEADER = """
            dependencies:
              - id: cobalt
            checks:
              - id: cobalt-search
                dependency: cobalt
                kind: cobalt
                apiKey: ${COBALT_API_KEY}
            """;

    private final SingleCallKind<CobaltOptions> kind = CobaltKind.KIND;
    private final ConfigLoader loader = new ConfigLoader(new CheckKinds(List.of(kind)), Map.of("COBALT_API_KEY", KEY)::get);

    @Test
    void theMinimalCheckIsTheFreeCachedMiss() throws Exception {
        CobaltOptions options = optionsOf(HEADER);

        assertThat(options.apiKey().value()).isEqualTo(KEY);
        assertThat(options.baseUrl()).isEqualTo(URI.create("https://apigateway.cobaltintelligence.com"));
        assertThat(options.query()).isEqualTo("zzprobe-nonexistent-entity");
        assertThat(options.state()).isEqualTo("delaware");
        assertThat(kind.defaultCostPerCall(options)).isZero();
        assertThat(options.toString()).doesNotContain(KEY);
    }

    @Test
    void everyOptionIsReadAndLiveDataFalseIsAccepted() throws Exception {
        CobaltOptions options = optionsOf(HEADER + """
                    baseUrl: http://localhost:8089
                    query: zz-no-such-company
                    state: northCarolina
                    liveData: false
                """);

        assertThat(options.baseUrl()).isEqualTo(URI.create("http://localhost:8089"));
        assertThat(options.query()).isEqualTo("zz-no-such-company");
        assertThat(options.state()).isEqualTo("northCarolina");
    }

    @Test
    void liveDataIsRefusedBecauseItIsBilled() {
        assertThat(problemsOf(HEADER + "    liveData: true\n")).containsExactly(
                "sentinel.yaml:8:15: 'liveData: true' would make every probe a billed live lookup, even when nothing matches"
                        + " — remove liveData: the probe searches the cached database, where a miss is not billed");
    }

    @Test
    void aQueryCobaltWouldRejectIsReported() {
        assertThat(problemsOf(HEADER + "    query: zz\n")).singleElement().asString()
                .startsWith("sentinel.yaml:8:12: 'query' must have at least 3 characters");
    }

    @Test
    void aStateThatIsNotANameIsReported() {
        assertThat(problemsOf(HEADER + "    state: north carolina\n")).singleElement().asString()
                .startsWith("sentinel.yaml:8:12: 'state' must be a state name or code");
    }

    @Test
    void itIsBuiltIn() {
        assertThat(BuiltInKinds.index().find(kind.name())).contains(kind);
    }

    private CobaltOptions optionsOf(String yaml) throws InvalidConfigException {
        CheckConfig check = loader.parse(Path.of("sentinel.yaml"), yaml).check("cobalt-search").orElseThrow();
        return check.options(CobaltOptions.class);
    }

    private List<String> problemsOf(String yaml) {
        InvalidConfigException invalid = catchThrowableOfType(InvalidConfigException.class,
                () -> loader.parse(Path.of("sentinel.yaml"), yaml));
        assertThat(invalid).as("the configuration should have been rejected").isNotNull();
        return invalid.problems().stream().map(ConfigProblem::format).toList();
    }
}
