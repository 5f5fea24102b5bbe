package io.sentinel.provider.supabase;

import io.sentinel.config.ConfigSection;
import io.sentinel.secret.Secret;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The options every project-URL kind shares: where the project is and the key its gateway wants.
 *
 * <pre>
 *   projectUrl: https://abcdefghijklmnopqrst.supabase.co
 *   anonKey: ${SUPABASE_ANON_KEY}
 * </pre>
 *
 * @param projectUrl the project's root URL, without a trailing slash (in tests, the WireMock base URL)
 * @param anonKey    the anon (legacy JWT) or publishable key; never a secret/service key
 */
public record SupabaseProject(URI projectUrl, Secret anonKey) {

    public static final String KEY_VARIABLE = "SUPABASE_ANON_KEY";
    static final String URL_EXAMPLE = "https://abcdefghijklmnopqrst.supabase.co";
    /** Legacy anon keys are JWTs, whose base64 header always starts this way. */
    private static final String JWT_PREFIX = "eyJ";

    public SupabaseProject {
        Objects.requireNonNull(projectUrl, "projectUrl");
        Objects.requireNonNull(anonKey, "anonKey");
        String path = projectUrl.getRawPath() == null ? "" : projectUrl.getRawPath();
        if (!path.isEmpty() || projectUrl.getRawQuery() != null) {
            throw new IllegalArgumentException("the project URL is the root URL only, without path or query");
        }
    }

    /** Reads {@code projectUrl} and {@code anonKey}; empty when the URL is unusable (a problem says why). */
    static Optional<SupabaseProject> read(ConfigSection check) {
        Secret anonKey = check.secret("anonKey");
        Optional<URI> url = check.requiredText("projectUrl", URL_EXAMPLE).flatMap(text -> check.httpUrl("projectUrl"));
        if (url.isEmpty()) {
            return Optional.empty();
        }
        String path = url.get().getRawPath() == null ? "" : url.get().getRawPath();
        if (!(path.isEmpty() || path.equals("/")) || url.get().getRawQuery() != null) {
            check.problem("projectUrl", "'projectUrl' must be the project's root URL, not a path inside it",
                    "for example " + URL_EXAMPLE + " (the check adds /auth/v1, /rest/v1 or /functions/v1 itself)");
            return Optional.empty();
        }
        return Optional.of(new SupabaseProject(URI.create(url.get().toString().replaceFirst("/$", "")), anonKey));
    }

    /** The address of {@code pathAndQuery} ("/auth/v1/health") in this project. */
    URI resolve(String pathAndQuery) {
        return URI.create(projectUrl + pathAndQuery);
    }

    /**
     * The key as the gateway expects it: always in {@code apikey}; a legacy JWT key also as the bearer token,
     * because PostgREST and {@code verify_jwt} functions read the role from it. A publishable key is not a
     * JWT, and sent as a bearer token it would be rejected as a malformed one.
     */
    Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("apikey", anonKey.value());
        if (anonKey.value().startsWith(JWT_PREFIX)) {
            headers.put("Authorization", "Bearer " + anonKey.value());
        }
        headers.put("Accept", "application/json");
        return headers;
    }

    /** "set SUPABASE_ANON_KEY", or how to add the key when the check does not name one at all. */
    Optional<String> missingCredential() {
        if (anonKey.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(anonKey.variable().isPresent() ? anonKey.howToSet("anonKey")
                : "set anonKey: ${" + KEY_VARIABLE + "}");
    }

    @Override
    public String toString() {
        return "SupabaseProject[" + projectUrl + ", anonKey " + anonKey + "]";
    }
}
