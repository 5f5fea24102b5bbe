package io.sentinel.provider.supabase;

import io.sentinel.config.CheckOptions;
import io.sentinel.secret.Secret;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The options of a {@code supabase-management} check.
 *
 * @param baseUrl     the Management API without {@code /v1}, {@value #DEFAULT_BASE_URL} unless configured
 * @param accessToken a personal access token ({@code sbp_…}), best a scoped one
 * @param projectRef  the project's ref, as in {@code https://<ref>.supabase.co}
 * @param functions   edge function slugs that must be deployed and ACTIVE; none means the list is not fetched
 */
public record SupabaseManagementOptions(URI baseUrl, Secret accessToken, String projectRef, List<String> functions)
        implements CheckOptions {

    public static final String DEFAULT_BASE_URL = "https://api.supabase.com";
    public static final String TOKEN_VARIABLE = "SUPABASE_ACCESS_TOKEN";
    /** What the health call asks about; the API answers one entry per service. */
    public static final String SERVICES = "auth,db,rest,realtime,storage";
    static final Pattern PROJECT_REF = Pattern.compile("[a-z0-9]+");

    public SupabaseManagementOptions {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(accessToken, "accessToken");
        if (projectRef == null || !PROJECT_REF.matcher(projectRef).matches()) {
            throw new IllegalArgumentException("projectRef must be lower-case letters and digits, was '" + projectRef + "'");
        }
        functions = List.copyOf(functions);
        functions.forEach(slug -> {
            if (!SupabaseFunctionOptions.SLUG.matcher(slug).matches()) {
                throw new IllegalArgumentException("'" + slug + "' is not a function slug");
            }
        });
    }

    URI healthUri() {
        return access().resolve("/health?services=" + SERVICES);
    }

    URI functionsUri() {
        return access().resolve("/functions");
    }

    Map<String, String> headers() {
        return access().headers();
    }

    Optional<String> missingCredential() {
        return access().missingCredential();
    }

    ManagementAccess access() {
        return new ManagementAccess(baseUrl, accessToken, projectRef);
    }

    @Override
    public String toString() {
        return "SupabaseManagementOptions[" + baseUrl + ", project " + projectRef + ", accessToken " + accessToken
                + ", functions " + functions + "]";
    }
}
