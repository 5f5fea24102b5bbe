package io.sentinel.provider.supabase;

import io.sentinel.config.ConfigSection;
import io.sentinel.http.HttpMethod;
import io.sentinel.http.HttpRequestSpec;
import io.sentinel.provider.SingleCallKind;
import java.util.Optional;

/**
 * The {@code supabase-rest} check kind: a one-row select through PostgREST, which proves the gateway, PostgREST
 * and Postgres answer.
 *
 * <pre>
 * - id: supabase-db
 *   dependency: supabase
 *   kind: supabase-rest
 *   projectUrl: https://abcdefghijklmnopqrst.supabase.co
 *   anonKey: ${SUPABASE_ANON_KEY}
 *   table: health_check        # required; RLS must let the anon role select it
 *   column: id                 # default id
 * </pre>
 */
public final class SupabaseRestKind {

    public static final String NAME = "supabase-rest";
    /** A one-row select is free; it only counts toward the project's API requests. */
    public static final SingleCallKind<SupabaseRestOptions> KIND = SingleCallKind.free(NAME, SupabaseRestOptions.class,
            SupabaseRestKind::readOptions, options -> options.project().missingCredential(), SupabaseRestKind::request,
            SupabaseRestAnswers::read);

    private SupabaseRestKind() {
    }

    private static SupabaseRestOptions readOptions(ConfigSection check) {
        Optional<SupabaseProject> project = SupabaseProject.read(check);
        Optional<String> table = table(check);
        Optional<String> column = identifier(check, "column", check.text("column", SupabaseRestOptions.DEFAULT_COLUMN));
        if (project.isEmpty() || table.isEmpty() || column.isEmpty()) {
            return null;
        }
        return new SupabaseRestOptions(project.get(), table.get(), column.get());
    }

    /** Required, with the reason: the obvious fallback, the PostgREST root, no longer answers the anon key. */
    private static Optional<String> table(ConfigSection check) {
        String table = check.text("table", "").strip();
        if (table.isEmpty()) {
            check.problem("table", "supabase-rest needs 'table': the PostgREST root /rest/v1/ only answers the "
                            + "service_role key, so the check selects one row from a table instead",
                    "add table: <a small table the anon role may select under RLS>, e.g. table: health_check");
            return Optional.empty();
        }
        return identifier(check, "table", table);
    }

    private static Optional<String> identifier(ConfigSection check, String key, String value) {
        if (SupabaseRestOptions.IDENTIFIER.matcher(value).matches()) {
            return Optional.of(value);
        }
        check.problem(key, "'" + key + "' must be a plain table or column name, got '" + value + "'",
                "use letters, digits and underscores, e.g. health_check");
        return Optional.empty();
    }

    /** The one-row select; not following redirects: the key travels in headers. */
    private static HttpRequestSpec request(SupabaseRestOptions options) {
        return new HttpRequestSpec(HttpMethod.GET, options.project().resolve(options.pathAndQuery()),
                options.project().headers(), Optional.empty(), false);
    }
}
