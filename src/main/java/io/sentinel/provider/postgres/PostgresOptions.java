package io.sentinel.provider.postgres;

import java.util.Objects;

/**
 * The options of a {@code postgres} check.
 *
 * @param connection where to connect and as whom
 * @param query      what to run once connected, {@code select 1} unless configured
 */
public record PostgresOptions(PostgresConnection connection, ReadOnlyQuery query) implements QueryOptions {

    public static final String DEFAULT_QUERY = "select 1";

    public PostgresOptions {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(query, "query");
    }

    /** The password is shown as {@code ****} by {@link PostgresConnection}; the URL is not shown at all. */
    @Override
    public String toString() {
        return "PostgresOptions[" + connection + ", query " + query + "]";
    }
}
