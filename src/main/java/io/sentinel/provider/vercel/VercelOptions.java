package io.sentinel.provider.vercel;

import io.sentinel.config.CheckOptions;
import io.sentinel.secret.Secret;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of a {@code vercel} check.
 *
 * @param url          the production site, fetched like a visitor would
 * @param healthPath   a path on the same site that must answer 2xx, such as {@code /api/health}
 * @param projectId    the Vercel project whose newest production deployment is checked; none skips that check
 * @param token        a Vercel access token, needed only for the deployment check
 * @param teamId       the team owning the project, for team projects
 * @param apiBaseUrl   where the Vercel REST API lives, {@code https://api.vercel.com} unless a test points it elsewhere
 * @param maxBuildTime how long a production build may take before the check reports it as stuck
 */
public record VercelOptions(URI url, Optional<String> healthPath, Optional<String> projectId, Secret token,
                            Optional<String> teamId, URI apiBaseUrl, Duration maxBuildTime) implements CheckOptions {

    public static final URI DEFAULT_API_BASE_URL = URI.create("https://api.vercel.com");
    public static final Duration DEFAULT_MAX_BUILD_TIME = Duration.ofMinutes(30);
    public static final String TOKEN_VARIABLE = "VERCEL_TOKEN";

    public VercelOptions {
        requireHttpUrl(url, "url");
        Objects.requireNonNull(healthPath, "healthPath");
        healthPath.filter(path -> !path.startsWith("/")).ifPresent(path -> {
            throw new IllegalArgumentException("healthPath must start with /, was " + path);
        });
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(teamId, "teamId");
        requireHttpUrl(apiBaseUrl, "apiBaseUrl");
        Objects.requireNonNull(maxBuildTime, "maxBuildTime");
        if (maxBuildTime.isNegative() || maxBuildTime.isZero()) {
            throw new IllegalArgumentException("maxBuildTime must be positive, was " + maxBuildTime);
        }
    }

    /** Just the site, with the defaults: no health path, no deployment check. */
    public static VercelOptions site(URI url) {
        return new VercelOptions(url, Optional.empty(), Optional.empty(), Secret.none(), Optional.empty(),
                DEFAULT_API_BASE_URL, DEFAULT_MAX_BUILD_TIME);
    }

    public Optional<URI> healthUrl() {
        return healthPath.map(url::resolve);
    }

    /** The newest production deployment of the project; the token travels in a header, not here. */
    public Optional<URI> deploymentsUrl() {
        return projectId.map(project -> URI.create(apiBaseUrl.toString().replaceAll("/+$", "")
                + "/v6/deployments?projectId=" + encode(project) + "&target=production&limit=1"
                + teamId.map(team -> "&teamId=" + encode(team)).orElse("")));
    }

    /**
     * Why the deployment check cannot run although a project is configured, or empty when it can. Both steps
     * are named when the token is not configured at all: the variable must be set and referenced.
     */
    public Optional<String> missingToken() {
        if (projectId.isEmpty() || token.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(token.variable().isPresent() ? token.howToSet("token")
                : "set " + TOKEN_VARIABLE + " and add token: ${" + TOKEN_VARIABLE + "}");
    }

    @Override
    public String toString() {
        return "VercelOptions[url=" + url + ", healthPath=" + healthPath.orElse("(none)") + ", projectId="
                + projectId.orElse("(none)") + ", token=" + token + ", teamId=" + teamId.orElse("(none)")
                + ", apiBaseUrl=" + apiBaseUrl + ", maxBuildTime=" + maxBuildTime + "]";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void requireHttpUrl(URI uri, String name) {
        Objects.requireNonNull(uri, name);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException(name + " must be an http or https URL with a host, was " + uri);
        }
    }
}
