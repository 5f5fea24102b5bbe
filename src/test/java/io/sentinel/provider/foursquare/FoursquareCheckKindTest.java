package io.sentinel.provider.foursquare;

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

class FoursquareCheckKindTest {

    private static final String KEY = "FAKE-fsq-config-key-0123456789";
    private static final String HEADER = """
            dependencies:
              - id: foursquare
            checks:
              - id: foursquare-search
                dependency: foursquare
                kind: foursquare
                interval: 30m
                apiKey: ${FOURSQUARE_API_KEY}
            """;

    private final SingleCallKind<FoursquareOptions> kind = FoursquareKind.KIND;
    private final ConfigLoader loader = new ConfigLoader(new CheckKinds(List.of(kind)), Map.of("FOURSQUARE_API_KEY", KEY)::get);

    @Test
    void theMinimalCheckUsesTheDefaults() throws Exception {
        FoursquareOptions options = optionsOf(HEADER);

        assertThat(options.apiKey().value()).isEqualTo(KEY);
        assertThat(options.baseUrl()).isEqualTo(URI.create("https://places-api.foursquare.com"));
        assertThat(options.ll()).isEqualTo("40.7484,-73.9857");
        assertThat(options.apiVersion()).isEqualTo("2025-06-17");
        assertThat(kind.defaultCostPerCall(options)).isEqualTo(0.015);
        assertThat(options.toString()).doesNotContain(KEY);
    }

    @Test
    void everyOptionIsRead() throws Exception {
        FoursquareOptions options = optionsOf(HEADER + """
                    baseUrl: http://localhost:8089
                    ll: 39.78, -89.65
                    apiVersion: 2025-09-01
                """);

        assertThat(options.baseUrl()).isEqualTo(URI.create("http://localhost:8089"));
        assertThat(options.ll()).isEqualTo("39.78,-89.65");
        assertThat(options.apiVersion()).isEqualTo("2025-09-01");
    }

    @Test
    void coordinatesOutOfRangeAreReportedAtTheirLine() {
        assertThat(problemsOf(HEADER + "    ll: 140.7,-73.9\n")).containsExactly(
                "sentinel.yaml:9:9: 'll' must be latitude,longitude in degrees, got '140.7,-73.9' — "
                        + "for example ll: 40.7484,-73.9857");
    }

    @Test
    void aNegativeCostIsReported() {
        assertThat(problemsOf(HEADER + "    costPerCall: -1\n")).singleElement().asString()
                .startsWith("sentinel.yaml:9:18: 'costPerCall' cannot be negative");
    }

    @Test
    void anApiVersionThatIsNotADateIsReported() {
        assertThat(problemsOf(HEADER + "    apiVersion: v3\n")).singleElement().asString()
                .startsWith("sentinel.yaml:9:17: 'apiVersion' must be a date, got 'v3'");
    }

    @Test
    void itIsBuiltIn() {
        assertThat(BuiltInKinds.index().find(kind.name())).contains(kind);
    }

    private FoursquareOptions optionsOf(String yaml) throws InvalidConfigException {
        CheckConfig check = loader.parse(Path.of("sentinel.yaml"), yaml).check("foursquare-search").orElseThrow();
        return check.options(FoursquareOptions.class);
    }

    private List<String> problemsOf(String yaml) {
        InvalidConfigException invalid = catchThrowableOfType(InvalidConfigException.class,
                () -> loader.parse(Path.of("sentinel.yaml"), yaml));
        assertThat(invalid).as("the configuration should have been rejected").isNotNull();
        return invalid.problems().stream().map(ConfigProblem::format).toList();
    }
}
