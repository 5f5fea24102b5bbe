package io.sentinel.provider.github;

import io.sentinel.config.CheckOptions;
import io.sentinel.provider.ProviderCredentials;
import io.sentinel.provider.ProviderUrls;
import io.sentinel.secret.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The options of a {@code github-actions} check.
 *
 * @param apiBaseUrl where the GitHub REST API lives: {@code https://api.github.com}, a GitHub Enterprise Server's
 *                   {@code https://host/api/v3}, or a test server
 * @param repository {@code owner/name}
 * @param branch     the branch whose newest workflow run is judged
 * @param token      a token that can read the repository's Actions (fine-grained: "Actions: read")
 * @param maxRunTime how long a run may be queued or in progress before the check reports it as stuck
 */
public record GitHubActionsOptions(URI apiBaseUrl, String repository, String branch, Secret token, Duration maxRunTime)
        implements CheckOptions {

    public static final URI DEFAULT_API_BASE_URL = URI.create("https://api.github.com");
    public static final String DEFAULT_BRANCH = "main";
    public static final Duration DEFAULT_MAX_RUN_TIME = Duration.ofMinutes(30);
    public static final String TOKEN_VARIABLE = "GITHUB_TOKEN";
    /** GitHub's own rules for owner and repository names, which keeps them safe in a URL path as they are. */
    static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}");

    public GitHubActionsOptions {
        ProviderUrls.requireBase(apiBaseUrl, "apiBaseUrl");
        Objects.requireNonNull(repository, "repository");
        if (!REPOSITORY.matcher(repository).matches()) {
            throw new IllegalArgumentException("repository must be owner/name, was " + repository);
        }
        if (branch == null || branch.isBlank()) {
            throw new IllegalArgumentException("branch must not be blank");
        }
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(maxRunTime, "maxRunTime");
        if (maxRunTime.isNegative() || maxRunTime.isZero()) {
            throw new IllegalArgumentException("maxRunTime must be positive, was " + maxRunTime);
        }
    }

    /** The newest run of the branch, one per page. */
    public URI runsUrl() {
        return ProviderUrls.resolve(apiBaseUrl, "/repos/" + repository + "/actions/runs?branch="
                + ProviderUrls.encode(branch) + "&per_page=1");
    }

    public Optional<String> missingCredential() {
        return ProviderCredentials.missing(token, "token", TOKEN_VARIABLE);
    }

    @Override
    public String toString() {
        return "GitHubActionsOptions[apiBaseUrl=" + apiBaseUrl + ", repository=" + repository + ", branch=" + branch
                + ", token=" + token + ", maxRunTime=" + maxRunTime + "]";
    }
}
