package io.sentinel.provider.anonkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sentinel.config.CheckKinds;
import io.sentinel.config.ConfigLoader;
import io.sentinel.config.ConfigProblem;
import io.sentinel.config.InvalidConfigException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnonKeyConfigTest {

    private static final String HEADER = """
            dependencies:
              - id: frontend
            checks:
              - id: frontend-key
                dependency: frontend
                kind: anon-key
            """;

    private final ConfigLoader loader = new ConfigLoader(new CheckKinds(List.of(new AnonKeyCheckKind())),
            Map.of("SUPABASE_ANON_KEY", FakeKeys.ANON_JWT)::get);

    @Test
    void aValidCheckReadsItsOptionsAndHidesTheKey() throws Exception {
        AnonKeyOptions options = optionsOf(HEADER + """
                    pageUrl: https://prospect-fyhedobh1-appsmithery.vercel.app
                    supabaseUrl: https://abcdefghijklmnopqrst.supabase.co
                    anonKey: ${SUPABASE_ANON_KEY}
                """);

        assertThat(options.pageUrl()).isEqualTo(URI.create("https://prospect-fyhedobh1-appsmithery.vercel.app"));
        assertThat(options.supabaseOrigin()).isEqualTo("https://abcdefghijklmnopqrst.supabase.co");
        assertThat(options.projectRef()).contains("abcdefghijklmnopqrst");
        assertThat(options.anonKey().value()).isEqualTo(FakeKeys.ANON_JWT);
        assertThat(options.maxBundles()).isEqualTo(5);
        assertThat(options.missingKey()).isEmpty();
        assertThat(options.toString()).doesNotContain(FakeKeys.ANON_JWT).contains("anonKey ****");
    }

    @Test
    void anEmptyDefaultForTheVariableMakesTheCheckSkipLater() throws Exception {
        AnonKeyOptions options = optionsOf(HEADER + """
                    pageUrl: https://app.example.com
                    supabaseUrl: https://abcdefghijklmnopqrst.supabase.co
                    anonKey: ${SUPABASE_ANON_KEY_PREVIEW:}
                    maxBundles: 8
                """);

        assertThat(options.missingKey()).contains("set SUPABASE_ANON_KEY_PREVIEW");
        assertThat(options.maxBundles()).isEqualTo(8);
    }

    @Test
    void badOptionsAreReportedAtTheirLines() {
        List<String> problems = problemsOf(HEADER + """
                    pageUrl: prospect-fyhedobh1-appsmithery.vercel.app
                    supabaseUrl: https://abcdefghijklmnopqrst.supabase.co
                    maxBundles: 0
                """);

        assertThat(problems).containsExactly(
                "sentinel.yaml:7:14: 'pageUrl' has no scheme: 'prospect-fyhedobh1-appsmithery.vercel.app' — "
                        + "write the full URL, e.g. https://prospect-fyhedobh1-appsmithery.vercel.app",
                "sentinel.yaml:9:17: 'maxBundles' must be between 1 and 20, got 0 — pick a value in that range");
    }

    @Test
    void aMissingSupabaseUrlIsReported() {
        assertThat(problemsOf(HEADER + "    pageUrl: https://app.example.com\n")).singleElement().asString()
                .contains("missing required field 'supabaseUrl'").contains("https://<ref>.supabase.co");
    }

    private AnonKeyOptions optionsOf(String yaml) throws InvalidConfigException {
        return loader.parse(Path.of("sentinel.yaml"), yaml).check("frontend-key").orElseThrow()
                .options(AnonKeyOptions.class);
    }

    private List<String> problemsOf(String yaml) {
        InvalidConfigException invalid = catchThrowableOfType(InvalidConfigException.class,
                () -> loader.parse(Path.of("sentinel.yaml"), yaml));
        assertThat(invalid).as("the configuration should have been rejected").isNotNull();
        return invalid.problems().stream().map(ConfigProblem::format).toList();
    }
}
