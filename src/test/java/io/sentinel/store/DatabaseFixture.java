package io.sentinel.store;

import io.sentinel.config.StorageConfig;
import io.sentinel.secret.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/** A database the store contracts run against: where it is, and how to empty and remove it. */
interface DatabaseFixture extends AutoCloseable {

    StorageConfig storage();

    /** Removes what the fixture created; the database server itself stays. */
    @Override
    void close() throws Exception;

    static StorageConfig storage(String url, String username) {
        return new StorageConfig(url, username, Secret.none(), Path.of("reports"), Duration.ofDays(30));
    }

    /** PostgreSQL settings for a port where nothing listens, with the password also in the URL, as some people do. */
    static StorageConfig unreachablePostgres(String password) {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException error) {
            throw new UncheckedIOException(error);
        }
        return new StorageConfig("jdbc:postgresql://127.0.0.1:" + port + "/test?password=" + password, "postgres",
                Secret.of(password), Path.of("reports"), Duration.ofDays(30));
    }

    /** Empties every table so each test starts from nothing, without paying for a new schema. */
    static void deleteAllRows(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM probe_result");
            statement.executeUpdate("DELETE FROM check_state");
            statement.executeUpdate("DELETE FROM alert_event");
            statement.executeUpdate("DELETE FROM notification");
            statement.executeUpdate("DELETE FROM incident");
            statement.executeUpdate("DELETE FROM incident_alert");
            statement.executeUpdate("DELETE FROM incident_fact");
            statement.executeUpdate("DELETE FROM breaker_transition");
            statement.executeUpdate("DELETE FROM silence");
            statement.executeUpdate("DELETE FROM probe_spend");
            statement.executeUpdate("DELETE FROM location_view");
            statement.executeUpdate("DELETE FROM cluster_member");
        }
    }

    static long count(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
