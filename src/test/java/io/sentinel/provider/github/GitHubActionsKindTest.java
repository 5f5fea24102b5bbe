package io.sentinel.provider.github;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckKinds;
import io.sentinel.config.ConfigLoader;
import io.sentinel.config.ConfigProblem;
import io.sentinel.config.InvalidConfigException;
import io.sentinel.http.HttpCaller;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeResult;
import io.sentinel.probe.ProbeToolkit;
import io.sentinel.provider.ProviderFixtures;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reading a {@code github-actions} check, and the one request it sends, as GitHub documents it. */
class GitHubActionsKindTest {

    private static final String TOKEN = "ghp_configTokenValue0123456789abcdefABCD";
    private static final String HEADER = """
            dependencies:
              - id: github
            checks:
              - id: ci
                dependency: github
                kind: github-actions
            """;

    @RegisterExtension
    static final WireMockExtension GITHUB = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    private static final HttpCaller CALLER = new HttpCaller();

    private final ConfigLoader loader = new ConfigLoader(new CheckKinds(List.of(GitHubActionsKind.KIND)),
            Map.of("GITHUB_TOKEN", TOKEN)::get);

    @AfterAll
    static void closeCaller() {
        CALLER.close();
    }

    @Test
    void theDefaultsAreGitHubDotComMainAndThirtyMinutes() throws Exception {
        GitHubActionsOptions options = optionsOf(HEADER + "    repository: Appsmithery/ProspectPro\n    token: ${GITHUB_TOKEN}\n");

        assertThat(options.runsUrl()).isEqualTo(
                URI.create("https://api.github.com/repos/Appsmithery/ProspectPro/actions/runs?branch=main&per_page=1"));
        assertThat(options.maxRunTime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(options.missingCredential()).isEmpty();
        assertThat(options.toString()).doesNotContain(TOKEN);
    }

    @Test
    void theBranchIsEncodedAndTheLimitRead() throws Exception {
        GitHubActionsOptions options = optionsOf(HEADER + "    repository: octo-org/octo-repo\n    branch: release/2026-11\n"
                + "    maxRunTime: 1h\n    apiBaseUrl: https://github.example.com/api/v3\n");

        assertThat(options.runsUrl()).isEqualTo(URI.create(
                "https://github.example.com/api/v3/repos/octo-org/octo-repo/actions/runs?branch=release%2F2026-11&per_page=1"));
        assertThat(options.maxRunTime()).isEqualTo(Duration.ofHours(1));
        assertThat(options.missingCredential()).contains("set token: ${GITHUB_TOKEN}");
    }

    @Test
    void aRepositoryThatIsNotOwnerSlashNameIsReportedAtItsLine() {
        assertThat(problemsOf(HEADER + "    repository: https://github.com/octo-org/octo-repo\n")).containsExactly(
                "sentinel.yaml:7:17: 'repository' must be owner/name as on GitHub, got 'https://github.com/octo-org/octo-repo'"
                        + " — for example repository: Appsmithery/ProspectPro");
        assertThat(problemsOf(HEADER)).containsExactly(
                "sentinel.yaml:4:5: missing required field 'repository' in checks[0] — add repository: Appsmithery/ProspectPro");
    }

    @Test
    void theRequestCarriesTheTokenAsBearerAndPinsTheApiVersion() {
        GITHUB.stubFor(get(urlPathEqualTo("/repos/octo-org/octo-repo/actions/runs"))
                .willReturn(ProviderFixtures.json(200, "github/runs-success.json")));
        GitHubActionsOptions options = GitHubActionsKind.options(URI.create(GITHUB.baseUrl()), "octo-org/octo-repo",
                io.sentinel.secret.Secret.of(TOKEN));
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

        ProbeResult result = GitHubActionsKind.KIND.newProbe(new ProbeToolkit(CALLER, clock))
                .probe(ProviderFixtures.check(GitHubActionsKind.NAME, options));

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.message()).isEqualTo("workflow \"CI\" #412 on main at 9fceb02: success, 1h40m ago");
        assertThat(result.readings()).containsEntry("run.age_minutes", 107.0);
        GITHUB.verify(getRequestedFor(urlPathEqualTo("/repos/octo-org/octo-repo/actions/runs"))
                .withQueryParam("branch", equalTo("main"))
                .withQueryParam("per_page", equalTo("1"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo("application/vnd.github+json"))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28")));
    }

    private GitHubActionsOptions optionsOf(String yaml) throws InvalidConfigException {
        CheckConfig check = loader.parse(Path.of("sentinel.yaml"), yaml).check("ci").orElseThrow();
        return check.options(GitHubActionsOptions.class);
    }

    private List<String> problemsOf(String yaml) {
        InvalidConfigException invalid = catchThrowableOfType(InvalidConfigException.class,
                () -> loader.parse(Path.of("sentinel.yaml"), yaml));
        assertThat(invalid).as("the configuration should have been rejected").isNotNull();
        return invalid.problems().stream().map(ConfigProblem::format).toList();
    }
}
