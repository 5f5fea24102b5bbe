package io.sentinel.provider.github;

import io.sentinel.config.ConfigSection;
import io.sentinel.http.HttpMethod;
import io.sentinel.http.HttpRequestSpec;
import io.sentinel.provider.ProviderUrls;
import io.sentinel.provider.SingleCallKind;
import io.sentinel.secret.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code github-actions} check kind: the newest workflow run on a repository's branch, from the GitHub REST
 * API. A failed, cancelled or timed-out run is DOWN, naming the workflow and the commit; a run queued or in
 * progress for longer than {@code maxRunTime} is DEGRADED. One call, within the API's rate limit (5,000 requests
 * an hour for a token; 1,000 for GitHub Actions' own GITHUB_TOKEN).
 *
 * <pre>
 * - id: prospectpro-ci
 *   dependency: github
 *   kind: github-actions
 *   repository: Appsmithery/ProspectPro
 *   branch: main            # the default
 *   token: ${GITHUB_TOKEN}
 *   maxRunTime: 30m         # the default
 * </pre>
 */
public final class GitHubActionsKind {

    public static final String NAME = "github-actions";
    /** The REST API version the reader was written against; GitHub keeps a dated version's shapes stable. */
    static final String API_VERSION = "2022-11-28";
    public static final SingleCallKind<GitHubActionsOptions> KIND = SingleCallKind.free(NAME, GitHubActionsOptions.class,
            GitHubActionsKind::read, GitHubActionsOptions::missingCredential, GitHubActionsKind::request,
            WorkflowRunReader::read);

    private GitHubActionsKind() {
    }

    /** The options of a check of {@code repository}'s main branch against the API at {@code apiBaseUrl}, with the defaults. */
    public static GitHubActionsOptions options(URI apiBaseUrl, String repository, Secret token) {
        return new GitHubActionsOptions(apiBaseUrl, repository, GitHubActionsOptions.DEFAULT_BRANCH, token,
                GitHubActionsOptions.DEFAULT_MAX_RUN_TIME);
    }

    static GitHubActionsOptions read(ConfigSection check) {
        Optional<String> repository = check.requiredText("repository", "Appsmithery/ProspectPro").map(String::strip);
        if (repository.isPresent() && !GitHubActionsOptions.REPOSITORY.matcher(repository.get()).matches()) {
            check.problem("repository", "'repository' must be owner/name as on GitHub, got '" + repository.get() + "'",
                    "for example repository: Appsmithery/ProspectPro");
            repository = Optional.empty();
        }
        String branch = check.text("branch", GitHubActionsOptions.DEFAULT_BRANCH).strip();
        if (branch.isEmpty()) {
            check.problem("branch", "'branch' is empty", "name the branch whose runs count, e.g. branch: main");
        }
        URI apiBaseUrl = ProviderUrls.baseUrl(check, "apiBaseUrl", GitHubActionsOptions.DEFAULT_API_BASE_URL);
        Duration maxRunTime = check.durationAtLeast("maxRunTime", Duration.ofMinutes(1), GitHubActionsOptions.DEFAULT_MAX_RUN_TIME);
        Secret token = check.secret("token");
        if (repository.isEmpty() || branch.isEmpty()) {
            return null;
        }
        return new GitHubActionsOptions(apiBaseUrl, repository.get(), branch, token, maxRunTime);
    }

    /** GitHub's documented headers: the token as a Bearer, the JSON media type, and the API version pinned. */
    private static HttpRequestSpec request(GitHubActionsOptions options) {
        return new HttpRequestSpec(HttpMethod.GET, options.runsUrl(), Map.of(
                "Authorization", "Bearer " + options.token().value(),
                "Accept", "application/vnd.github+json",
                "X-GitHub-Api-Version", API_VERSION), Optional.empty());
    }
}
