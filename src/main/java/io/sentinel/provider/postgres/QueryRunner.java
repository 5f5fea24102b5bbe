package io.sentinel.provider.postgres;

import io.sentinel.config.Durations;
import io.sentinel.probe.FailureClass;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.Driver;
import org.postgresql.jdbc.PgStatement;

/**
 * Opens a fresh connection, runs one query in a read-only transaction and closes the connection, within the
 * check's timeout. There is deliberately no pool: a monitor must exercise DNS, TCP, TLS and authentication on
 * every probe, or it would call a database healthy over a connection opened yesterday.
 *
 * <p>How the timeout is spread: the driver's {@code loginTimeout} (which accepts fractions of a second) bounds
 * connecting and logging in; the query gets what is left as its query timeout, which makes the driver cancel it
 * on the server ({@code 57014}); {@code connectTimeout} and {@code socketTimeout} (whole seconds) are a backstop
 * for a server that stops answering altogether, cancel requests included.
 */
final class QueryRunner {

    /** Shown in {@code pg_stat_activity}, so a DBA can tell the monitor's sessions from the app's. */
    static final String APPLICATION_NAME = "sentinel-probe";

    /** Reads what the query returned, while the rows are still open. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private final Driver driver = new Driver();

    <T> QueryRun<T> run(PostgresConnection target, ReadOnlyQuery query, Duration timeout, int maxRows,
                        RowReader<T> reader) throws QueryFailure {
        long started = System.nanoTime();
        Connection connection;
        try {
            connection = driver.connect(target.url(), properties(target, timeout));
        } catch (SQLException refused) {
            throw new QueryFailure(SqlFailures.classify(refused, target, timeout), since(started), Optional.empty());
        }
        if (connection == null) {
            throw new IllegalStateException("the PostgreSQL driver does not accept the configured URL");
        }
        Duration connected = since(started);
        try {
            Duration remaining = timeout.minus(connected);
            if (remaining.toMillis() < 1) {
                throw new QueryFailure(new SqlFailure(FailureClass.TIMEOUT, "connecting to " + target.target()
                        + " took the whole " + Durations.format(timeout) + ", leaving no time for the query"),
                        since(started), Optional.of(connected));
            }
            long queryStarted = System.nanoTime();
            T value = query(connection, query, remaining, maxRows, reader);
            return new QueryRun<>(value, connected, since(queryStarted));
        } catch (SQLException failed) {
            throw new QueryFailure(SqlFailures.classify(failed, target, timeout.minus(connected)), since(started),
                    Optional.of(connected));
        } finally {
            closeQuietly(connection);
        }
    }

    private static <T> T query(Connection connection, ReadOnlyQuery query, Duration remaining, int maxRows,
                               RowReader<T> reader) throws SQLException {
        // no round trip: the driver sends BEGIN READ ONLY together with the query
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        try (Statement statement = connection.createStatement()) {
            // Statement.setQueryTimeout in milliseconds rather than whole seconds
            statement.unwrap(PgStatement.class).setQueryTimeoutMs(remaining.toMillis());
            statement.setMaxRows(maxRows);
            try (ResultSet rows = statement.executeQuery(query.sql())) {
                return reader.read(rows);
            }
        }
    }

    private static Properties properties(PostgresConnection target, Duration timeout) {
        Properties properties = new Properties();
        properties.setProperty("user", target.username());
        if (target.password().isPresent()) {
            properties.setProperty("password", target.password().value());
        }
        String wholeSeconds = String.valueOf(Math.max(1, (timeout.toMillis() + 999) / 1000));
        properties.setProperty("loginTimeout", String.format(Locale.ROOT, "%.3f", timeout.toMillis() / 1000.0));
        properties.setProperty("connectTimeout", wholeSeconds);
        properties.setProperty("socketTimeout", wholeSeconds);
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        return properties;
    }

    /** The transaction only read; closing rolls it back, and a failure to close says nothing about the database. */
    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the socket is gone either way
        }
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
