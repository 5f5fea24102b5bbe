package io.sentinel.provider.postgres;

import io.sentinel.config.Durations;
import io.sentinel.model.FailureClass;
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
 * connecting and logging in. The query gets what is left: its query timeout, a little shorter, makes the driver
 * cancel it on the server ({@code 57014}); the connection's network timeout, set to exactly what is left, ends
 * the wait for a server that stops answering altogether, cancel requests included.
 */
final class QueryRunner {

    /** Shown in {@code pg_stat_activity}, so a DBA can tell the monitor's sessions from the app's. */
    static final String APPLICATION_NAME = "sentinel-probe";
    private static final Duration MAX_CANCEL_GRACE = Duration.ofMillis(500);

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
        Duration remaining = timeout.minus(connected);
        Duration queryTimeout = remaining.minus(cancelGrace(remaining));
        try {
            if (queryTimeout.toMillis() < 1) {
                throw new QueryFailure(new SqlFailure(FailureClass.TIMEOUT, "connecting to " + target.target()
                        + " took the whole " + Durations.format(timeout) + ", leaving no time for the query"),
                        since(started), Optional.of(connected));
            }
            long queryStarted = System.nanoTime();
            T value = query(connection, query, remaining, queryTimeout, maxRows, reader);
            return new QueryRun<>(value, connected, since(queryStarted));
        } catch (SQLException failed) {
            throw new QueryFailure(SqlFailures.classify(failed, target, queryTimeout), since(started), Optional.of(connected));
        } finally {
            closeQuietly(connection);
        }
    }

    /**
     * @param remaining    what is left of the check's timeout: the socket gives up then, whatever happens
     * @param queryTimeout a little less, so that the server's own cancellation ({@code 57014}) normally comes
     *                     first and says what happened
     */
    private static <T> T query(Connection connection, ReadOnlyQuery query, Duration remaining, Duration queryTimeout,
                               int maxRows, RowReader<T> reader) throws SQLException {
        connection.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, remaining.toMillis()));
        // no round trip: the driver sends BEGIN READ ONLY together with the query
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        try (Statement statement = connection.createStatement()) {
            // Statement.setQueryTimeout in milliseconds rather than whole seconds
            statement.unwrap(PgStatement.class).setQueryTimeoutMs(queryTimeout.toMillis());
            statement.setMaxRows(maxRows);
            try (ResultSet rows = statement.executeQuery(query.sql())) {
                return reader.read(rows);
            }
        }
    }

    /** Time for a cancel request to reach the server and its answer to come back. */
    private static Duration cancelGrace(Duration remaining) {
        Duration fifth = remaining.dividedBy(5);
        return fifth.compareTo(MAX_CANCEL_GRACE) < 0 ? fifth : MAX_CANCEL_GRACE;
    }

    private static Properties properties(PostgresConnection target, Duration timeout) {
        Properties properties = new Properties();
        properties.setProperty("user", target.username());
        if (target.password().isPresent()) {
            properties.setProperty("password", target.password().value());
        }
        properties.setProperty("loginTimeout", String.format(Locale.ROOT, "%.3f", timeout.toMillis() / 1000.0));
        // The login timeout abandons a hanging attempt to a thread of the driver's; these two end that thread.
        String wholeSeconds = String.valueOf(Math.max(1, (timeout.toMillis() + 999) / 1000));
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
