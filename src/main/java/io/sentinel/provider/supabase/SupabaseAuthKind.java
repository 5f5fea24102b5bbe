package io.sentinel.provider.supabase;

import io.sentinel.config.ConfigSection;
import io.sentinel.http.HttpMethod;
import io.sentinel.http.HttpRequestSpec;
import io.sentinel.provider.SingleCallKind;
import java.util.Optional;

/**
 * The {@code supabase-auth} check kind: GoTrue's health endpoint, through the project's gateway.
 *
 * <pre>
 * - id: supabase-auth
 *   dependency: supabase
 *   kind: supabase-auth
 *   projectUrl: https://abcdefghijklmnopqrst.supabase.co
 *   anonKey: ${SUPABASE_ANON_KEY}
 * </pre>
 */
public final class SupabaseAuthKind {

    public static final String NAME = "supabase-auth";
    /** The health endpoint is free; it only counts toward the project's API requests. */
    public static final SingleCallKind<SupabaseAuthOptions> KIND = SingleCallKind.free(NAME, SupabaseAuthOptions.class,
            SupabaseAuthKind::readOptions, options -> options.project().missingCredential(), SupabaseAuthKind::request,
            SupabaseAuthAnswers::read);

    private SupabaseAuthKind() {
    }

    private static SupabaseAuthOptions readOptions(ConfigSection check) {
        return SupabaseProject.read(check).map(SupabaseAuthOptions::new).orElse(null);
    }

    /** {@code GET /auth/v1/health}; not following redirects: the key travels in headers. */
    private static HttpRequestSpec request(SupabaseAuthOptions options) {
        return new HttpRequestSpec(HttpMethod.GET, options.project().resolve(SupabaseAuthAnswers.PATH),
                options.project().headers(), Optional.empty(), false);
    }
}
