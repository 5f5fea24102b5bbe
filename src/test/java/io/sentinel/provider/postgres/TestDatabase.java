package io.sentinel.provider.postgres;

import io.sentinel.config.CheckConfig;
import io.sentinel.secret.Secret;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

/**
 * A fresh schema on the test PostgreSQL server (127.0.0.1:5432, database test, trust authentication),
 * dropped on close. There is no skipping when the server is down: a silently skipped probe test proves nothing.
 */
final class TestDatabase implements AutoCloseable {

    static final String SERVER_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String USER = "postgres";

    private final String schema = "sentinel_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    TestDatabase(String... seed) throws SQLException {
        execute("create schema " + schema);
        try (Connection connection = DriverManager.getConnection(url(), USER, "");
             Statement statement = connection.createStatement()) {
            for (String sql : seed) {
                statement.execute(sql);
            }
        }
    }

    /** The server URL with this schema as the current one. */
    String url() {
        return SERVER_URL + "?currentSchema=" + schema;
    }

    PostgresConnection connection() {
        return new PostgresConnection(url(), USER, Secret.none());
    }

    long count(String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(), USER, "");
             Statement statement = connection.createStatement();
             var rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static CheckConfig check(String kind, QueryOptions options, Duration timeout) {
        return CheckConfig.builder("app-db", "supabase", kind, options).timeout(timeout).build();
    }

    @Override
    public void close() throws SQLException {
        execute("drop schema if exists " + schema + " cascade");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
