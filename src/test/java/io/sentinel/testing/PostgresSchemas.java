package io.sentinel.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** Fresh schemas in the test PostgreSQL server (127.0.0.1:5432, database test), so tests never share tables. */
public final class PostgresSchemas {

    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String USER = "postgres";

    private PostgresSchemas() {
    }

    /** Creates an empty schema and returns a JDBC URL that uses it. */
    public static String fresh(String prefix) {
        String schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection connection = DriverManager.getConnection(SERVER, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
        } catch (SQLException unreachable) {
            throw new IllegalStateException("PostgreSQL at " + SERVER + " is needed for this test: " + unreachable.getMessage(),
                    unreachable);
        }
        return SERVER + "?currentSchema=" + schema;
    }
}
