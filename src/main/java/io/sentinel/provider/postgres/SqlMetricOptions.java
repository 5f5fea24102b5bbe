package io.sentinel.provider.postgres;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The options of a {@code sql-metric} check.
 *
 * @param connection where to connect and as whom
 * @param query      one read-only statement returning one row with one numeric column
 * @param reading    the name the number is recorded under, dotted lower-case words ({@code exports.success_rate})
 */
public record SqlMetricOptions(PostgresConnection connection, ReadOnlyQuery query, String reading) implements QueryOptions {

    /** The same rule as result readings. */
    static final Pattern READING_NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");
    /** Names the probe records itself. */
    static final Set<String> RESERVED_READINGS = Set.of(QueryProbe.CONNECT_READING, QueryProbe.QUERY_READING);

    public SqlMetricOptions {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(query, "query");
        if (reading == null || !READING_NAME.matcher(reading).matches()) {
            throw new IllegalArgumentException("reading '" + reading + "' must be dotted lower-case words");
        }
        if (RESERVED_READINGS.contains(reading)) {
            throw new IllegalArgumentException("reading '" + reading + "' is recorded by the probe itself");
        }
    }

    @Override
    public String toString() {
        return "SqlMetricOptions[" + connection + ", query " + query + ", reading " + reading + "]";
    }
}
