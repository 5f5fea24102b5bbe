package io.sentinel.store;

import io.sentinel.config.StorageConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh schema on the PostgreSQL server at 127.0.0.1:5432, dropped afterwards. There is deliberately no
 * skipping when the server is down: CI starts it, and a silently skipped contract proves nothing.
 */
final class PostgresFixture implements DatabaseFixture {

    static final String SERVER_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String USER = "postgres";

    private final String schema = "sentinel_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    PostgresFixture() throws SQLException {
        execute("CREATE SCHEMA " + schema);
    }

    @Override
    public StorageConfig storage() {
        return DatabaseFixture.storage(SERVER_URL + "?currentSchema=" + schema, USER);
    }

    @Override
    public void close() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
