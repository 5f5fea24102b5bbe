package io.sentinel.provider.supabase;

import io.sentinel.config.ConfigSection;
import io.sentinel.secret.Secret;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a check reaches one project through the Management API: where the API is, the token, and the project.
 * Shared by the kinds that call it ({@code supabase-management}, {@code supabase-logs}).
 *
 * <pre>
 *   accessToken: ${SUPABASE_ACCESS_TOKEN}
 *   projectRef: abcdefghijklmnopqrst
 *   baseUrl: https://api.supabase.com        # optional: a stand-in in tests
 * </pre>
 *
 * @param baseUrl     the Management API without {@code /v1}
 * @param accessToken a personal access token ({@code sbp_…}), best a scoped one
 * @param projectRef  the project's ref, as in {@code https://<ref>.supabase.co}
 */
public record ManagementAccess(URI baseUrl, Secret accessToken, String projectRef) {

    public ManagementAccess {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(accessToken, "accessToken");
        if (projectRef == null || !SupabaseManagementOptions.PROJECT_REF.matcher(projectRef).matches()) {
            throw new IllegalArgumentException("projectRef must be lower-case letters and digits, was '" + projectRef + "'");
        }
    }

    /** Reads {@code baseUrl}, {@code accessToken} and {@code projectRef}; empty when one is unusable (a problem says why). */
    static Optional<ManagementAccess> read(ConfigSection check) {
        Optional<URI> baseUrl = baseUrl(check);
        Secret accessToken = check.secret("accessToken");
        Optional<String> projectRef = check.requiredText("projectRef", "abcdefghijklmnopqrst").flatMap(ref -> projectRef(check, ref));
        if (baseUrl.isEmpty() || projectRef.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ManagementAccess(baseUrl.get(), accessToken, projectRef.get()));
    }

    /**
     * The options of a kind that calls the Management API about some functions: the access and {@code functions}
     * read, then made into the kind's options; null when either is unusable (problems say why).
     */
    static <T> T readOptions(ConfigSection check, java.util.function.BiFunction<ManagementAccess, List<String>, T> options) {
        Optional<ManagementAccess> access = read(check);
        Optional<List<String>> functions = functions(check);
        if (access.isEmpty() || functions.isEmpty()) {
            return null;
        }
        return options.apply(access.get(), functions.get());
    }

    /** Reads {@code functions}: edge function slugs, each once; empty when one is not a slug (a problem says which). */
    static Optional<List<String>> functions(ConfigSection check) {
        List<String> slugs = new ArrayList<>();
        boolean valid = true;
        for (String slug : check.textList("functions")) {
            if (!SupabaseFunctionOptions.SLUG.matcher(slug.strip()).matches()) {
                check.problem("functions", "'" + slug + "' in 'functions' is not a function slug",
                        "list slugs as in /functions/v1/<slug>, e.g. [business-discovery-background]");
                valid = false;
            } else if (!slugs.contains(slug.strip())) {
                slugs.add(slug.strip());
            }
        }
        return valid ? Optional.of(slugs) : Optional.empty();
    }

    /** {@code <baseUrl>/v1/projects/<ref><pathAndQuery>}. */
    URI resolve(String pathAndQuery) {
        return URI.create(baseUrl.toString().replaceFirst("/$", "") + "/v1/projects/" + projectRef + pathAndQuery);
    }

    Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + accessToken.value());
        headers.put("Accept", "application/json");
        return headers;
    }

    /** "set SUPABASE_ACCESS_TOKEN", or how to add the token when the check does not name one at all. */
    Optional<String> missingCredential() {
        if (accessToken.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(accessToken.variable().isPresent() ? accessToken.howToSet("accessToken")
                : "set accessToken: ${" + SupabaseManagementOptions.TOKEN_VARIABLE + "}");
    }

    private static Optional<URI> baseUrl(ConfigSection check) {
        if (!check.has("baseUrl")) {
            return Optional.of(URI.create(SupabaseManagementOptions.DEFAULT_BASE_URL));
        }
        return check.httpUrl("baseUrl").filter(url -> {
            String path = url.getRawPath() == null ? "" : url.getRawPath().replaceFirst("/$", "");
            if (path.endsWith("/v1") || url.getRawQuery() != null) {
                check.problem("baseUrl", "'baseUrl' must not include /v1 or a query", "for example "
                        + SupabaseManagementOptions.DEFAULT_BASE_URL);
                return false;
            }
            return true;
        });
    }

    private static Optional<String> projectRef(ConfigSection check, String ref) {
        if (SupabaseManagementOptions.PROJECT_REF.matcher(ref.strip()).matches()) {
            return Optional.of(ref.strip());
        }
        check.problem("projectRef", "'projectRef' must be the project's ref, got '" + ref + "'",
                "the first part of https://<ref>.supabase.co, e.g. abcdefghijklmnopqrst");
        return Optional.empty();
    }

    @Override
    public String toString() {
        return baseUrl + ", project " + projectRef + ", accessToken " + accessToken;
    }
}
