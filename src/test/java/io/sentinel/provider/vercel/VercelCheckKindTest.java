package io.sentinel.provider.vercel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckKinds;
import io.sentinel.config.ConfigLoader;
import io.sentinel.config.ConfigProblem;
import io.sentinel.config.InvalidConfigException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VercelCheckKindTest {

    private static final String HEADER = """
            dependencies:
              - id: vercel
            checks:
              - id: frontend
                dependency: vercel
                kind: vercel
            """;

    private final ConfigLoader loader = new ConfigLoader(new CheckKinds(List.of(new VercelCheckKind())),
            Map.of("VERCEL_TOKEN", "vercel-config-token-0123456789")::get);

    @Test
    void theMinimalCheckIsTheSiteAlone() throws Exception {
        VercelOptions options = optionsOf(HEADER + "    url: https://app.prospectpro.example\n");

        assertThat(options).isEqualTo(VercelOptions.site(URI.create("https://app.prospectpro.example")));
        assertThat(options.healthUrl()).isEmpty();
        assertThat(options.deploymentsUrl()).isEmpty();
        assertThat(options.missingToken()).isEmpty();
    }

    @Test
    void everyOptionIsRead() throws Exception {
        VercelOptions options = optionsOf(HEADER + """
                    url: https://app.prospectpro.example/
                    healthPath: /api/health
                    projectId: prj_abc
                    teamId: team_xyz
                    token: ${VERCEL_TOKEN}
                    apiBaseUrl: http://localhost:9999
                    maxBuildTime: 45m
                """);

        assertThat(options.healthUrl()).contains(URI.create("https://app.prospectpro.example/api/health"));
        assertThat(options.deploymentsUrl()).contains(URI.create(
                "http://localhost:9999/v6/deployments?projectId=prj_abc&target=production&limit=1&teamId=team_xyz"));
        assertThat(options.token().value()).isEqualTo("vercel-config-token-0123456789");
        assertThat(options.maxBuildTime()).isEqualTo(Duration.ofMinutes(45));
        assertThat(options.toString()).contains("prj_abc").doesNotContain("vercel-config-token-0123456789");
    }

    @Test
    void aProjectWithoutTokenIsValidAndSaysWhatToSet() throws Exception {
        VercelOptions options = optionsOf(HEADER + "    url: https://app.prospectpro.example\n    projectId: prj_abc\n");

        assertThat(options.missingToken()).contains("set VERCEL_TOKEN and add token: ${VERCEL_TOKEN}");
    }

    @Test
    void aHealthPathWithoutLeadingSlashIsReportedAtItsLine() {
        assertThat(problemsOf(HEADER + "    url: https://app.prospectpro.example\n    healthPath: api/health\n"))
                .containsExactly("sentinel.yaml:8:17: 'healthPath' must start with /, got 'api/health' — "
                        + "for example healthPath: /api/health");
    }

    @Test
    void aTokenWithoutProjectIsReported() {
        assertThat(problemsOf(HEADER + "    url: https://app.prospectpro.example\n    token: ${VERCEL_TOKEN}\n"))
                .singleElement().asString()
                .startsWith("sentinel.yaml:8:12: 'token' is only used by the deployment check, which needs projectId");
    }

    @Test
    void aMissingUrlAndAZeroBuildTimeAreBothReported() {
        assertThat(problemsOf(HEADER + "    maxBuildTime: 0s\n")).containsExactly(
                "sentinel.yaml:4:5: missing required field 'url' in checks[0] — add url: https://app.example.com",
                "sentinel.yaml:7:19: 'maxBuildTime' must be longer than zero — use at least 1m");
    }

    private VercelOptions optionsOf(String yaml) throws InvalidConfigException {
        CheckConfig check = loader.parse(Path.of("sentinel.yaml"), yaml).check("frontend").orElseThrow();
        assertThat(check.kind()).isEqualTo("vercel");
        return check.options(VercelOptions.class);
    }

    private List<String> problemsOf(String yaml) {
        InvalidConfigException invalid = catchThrowableOfType(InvalidConfigException.class,
                () -> loader.parse(Path.of("sentinel.yaml"), yaml));
        assertThat(invalid).as("the configuration should have been rejected").isNotNull();
        return invalid.problems().stream().map(ConfigProblem::format).toList();
    }
}
