package io.sentinel.provider.googleplaces;

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

class GooglePlacesCheckKindTest {

    private static final String KEY = "AIzaFAKE-config-key-0123456789";
    private static final String HEADER = """
            dependencies:
              - id: google-places
            checks:
              - id: places-search
                dependency: google-places
                kind: google-places
            """;

    private final SingleCallKind<GooglePlacesOptions> kind = GooglePlacesKind.KIND;
    private final ConfigLoader loader = new ConfigLoader(new CheckKinds(List.of(kind)),
            Map.of("GOOGLE_PLACES_API_KEY", KEY)::get);

    @Test
    void theMinimalCheckIsTheFreeIdsOnlySearch() throws Exception {
        GooglePlacesOptions options = optionsOf(HEADER + "    apiKey: ${GOOGLE_PLACES_API_KEY}\n");

        assertThat(options.api()).isEqualTo(PlacesApi.NEW);
        assertThat(options.apiKey().value()).isEqualTo(KEY);
        assertThat(options.baseUrl()).isEqualTo(URI.create("https://places.googleapis.com"));
        assertThat(options.legacyBaseUrl()).isEqualTo(URI.create("https://maps.googleapis.com"));
        assertThat(options.query()).isEqualTo("coffee");
        assertThat(options.fieldMaskHeader()).isEqualTo("places.id");
        assertThat(kind.defaultCostPerCall(options)).isZero();
    }

    @Test
    void aMaskWithAnyOtherFieldMakesEachProbeAPaidCall() throws Exception {
        GooglePlacesOptions written = optionsOf(HEADER + "    apiKey: k\n    fieldMask: places.id, places.displayName\n");
        GooglePlacesOptions listed = optionsOf(HEADER + "    apiKey: k\n    fieldMask: [places.id, places.formattedAddress]\n");

        assertThat(written.fieldMaskHeader()).isEqualTo("places.id,places.displayName");
        assertThat(listed.fieldMaskHeader()).isEqualTo("places.id,places.formattedAddress");
        assertThat(kind.defaultCostPerCall(written)).isEqualTo(0.032);
        assertThat(kind.defaultCostPerCall(listed)).isEqualTo(0.032);
    }

    @Test
    void legacyModeReadsItsOwnBaseUrlAndCostsNothing() throws Exception {
        GooglePlacesOptions options = optionsOf(HEADER + """
                    apiKey: ${GOOGLE_PLACES_API_KEY}
                    mode: legacy
                    legacyBaseUrl: http://localhost:8089/
                    query: dentist in Springfield
                """);

        assertThat(options.api()).isEqualTo(PlacesApi.LEGACY);
        assertThat(options.legacyBaseUrl()).isEqualTo(URI.create("http://localhost:8089/"));
        assertThat(options.query()).isEqualTo("dentist in Springfield");
        assertThat(kind.defaultCostPerCall(options)).isZero();
    }

    @Test
    void aKeyVariableWithAnEmptyDefaultLoadsAndNamesTheVariable() throws Exception {
        ConfigLoader withoutKey = new ConfigLoader(new CheckKinds(List.of(kind)), Map.<String, String>of()::get);
        CheckConfig check = withoutKey.parse(Path.of("sentinel.yaml"), HEADER + "    apiKey: ${GOOGLE_PLACES_API_KEY:}\n")
                .check("places-search").orElseThrow();

        GooglePlacesOptions options = check.options(GooglePlacesOptions.class);
        assertThat(options.apiKey().isPresent()).isFalse();
        assertThat(options.apiKey().howToSet("apiKey")).isEqualTo("set GOOGLE_PLACES_API_KEY");
    }

    @Test
    void theOptionsNeverPrintTheKey() throws Exception {
        assertThat(optionsOf(HEADER + "    apiKey: ${GOOGLE_PLACES_API_KEY}\n").toString()).doesNotContain(KEY).contains("****");
    }

    @Test
    void aFieldMaskInLegacyModeIsReportedAtItsLine() {
        assertThat(problemsOf(HEADER + """
                    apiKey: k
                    mode: legacy
                    fieldMask: places.id
                """)).containsExactly("sentinel.yaml:9:16: 'fieldMask' applies only to mode: new — "
                + "the legacy call always asks for place_id only; remove fieldMask");
    }

    @Test
    void theLegacyBaseUrlInNewModeIsReported() {
        assertThat(problemsOf(HEADER + "    apiKey: k\n    legacyBaseUrl: https://maps.googleapis.com\n")).containsExactly(
                "sentinel.yaml:8:20: 'legacyBaseUrl' applies only to mode: legacy — set mode: legacy, or remove legacyBaseUrl");
    }

    @Test
    void anUnknownModeIsReportedWithTheAllowedOnes() {
        assertThat(problemsOf(HEADER + "    apiKey: k\n    mode: classic\n"))
                .containsExactly("sentinel.yaml:8:11: 'mode' cannot be 'classic' — use one of new, legacy");
    }

    @Test
    void aBadFieldPathIsReported() {
        assertThat(problemsOf(HEADER + "    apiKey: k\n    fieldMask: \"places.id,places display\"\n")).singleElement()
                .asString().startsWith("sentinel.yaml:8:16: 'fieldMask' has bad field paths [places display]");
    }

    @Test
    void aBaseUrlWithAQueryIsReported() {
        assertThat(problemsOf(HEADER + "    apiKey: k\n    baseUrl: https://places.googleapis.com/?alt=json\n"))
                .singleElement().asString().startsWith("sentinel.yaml:8:14: 'baseUrl' must not have a query string");
    }

    @Test
    void itIsBuiltIn() {
        assertThat(BuiltInKinds.index().find(kind.name())).contains(kind);
    }

    private GooglePlacesOptions optionsOf(String yaml) throws InvalidConfigException {
        CheckConfig check = loader.parse(Path.of("sentinel.yaml"), yaml).check("places-search").orElseThrow();
        assertThat(check.kind()).isEqualTo(GooglePlacesKind.NAME);
        return check.options(GooglePlacesOptions.class);
    }

    private List<String> problemsOf(String yaml) {
        InvalidConfigException invalid = catchThrowableOfType(InvalidConfigException.class,
                () -> loader.parse(Path.of("sentinel.yaml"), yaml));
        assertThat(invalid).as("the configuration should have been rejected").isNotNull();
        return invalid.problems().stream().map(ConfigProblem::format).toList();
    }
}
