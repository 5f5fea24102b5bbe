package io.sentinel.provider.supabase;

import io.sentinel.config.CheckOptions;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The options of a {@code supabase-rest} check.
 *
 * @param project where the project is and its anon or publishable key
 * @param table   a small table the anon role may select (row-level security must allow it)
 * @param column  the one column selected, {@code id} unless configured
 */
public record SupabaseRestOptions(SupabaseProject project, String table, String column) implements CheckOptions {

    public static final String DEFAULT_COLUMN = "id";
    /** Plain Postgres identifiers: they go into the URL path and query unquoted. */
    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    public SupabaseRestOptions {
        Objects.requireNonNull(project, "project");
        requireIdentifier(table, "table");
        requireIdentifier(column, "column");
    }

    /** The one-row select: never {@code /rest/v1/} itself, which now needs the service key. */
    String pathAndQuery() {
        return "/rest/v1/" + table + "?select=" + column + "&limit=1";
    }

    private static void requireIdentifier(String value, String name) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be a plain identifier, was '" + value + "'");
        }
    }
}
