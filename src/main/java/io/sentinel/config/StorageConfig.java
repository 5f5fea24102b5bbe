package io.sentinel.config;

import io.sentinel.secret.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where results, states and events are kept.
 *
 * @param url             JDBC URL: the embedded H2 file database by default, or PostgreSQL
 * @param username        database user
 * @param password        database password
 * @param reportsDirectory where the daily JSON-lines reports go
 * @param retention       how long probe results are kept in the database
 */
public record StorageConfig(String url, String username, Secret password, Path reportsDirectory, Duration retention) {

    /**
     * The embedded H2 database, used when {@code storage.url} is not set. It lives in the data directory the
     * daemon runs with ({@code --data}, {@code SENTINEL_DATA}): {@link #locatedIn(Path)} places it there. The
     * value written here is where it lands with the default data directory, {@code data/}.
     */
    public static final String DEFAULT_URL = "jdbc:h2:file:./data/sentinel;AUTO_SERVER=FALSE";

    public StorageConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(reportsDirectory, "reportsDirectory");
        Objects.requireNonNull(retention, "retention");
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("storage url must be an H2 or PostgreSQL JDBC URL");
        }
    }

    /**
     * This storage with the default embedded database moved into {@code dataDirectory}. Any URL that was
     * written out, H2 or PostgreSQL, is kept exactly as written: a relative H2 path stays relative to the
     * working directory, as H2 defines it.
     */
    public StorageConfig locatedIn(Path dataDirectory) {
        if (!url.equals(DEFAULT_URL)) {
            return this;
        }
        Path file = dataDirectory.toAbsolutePath().normalize().resolve("sentinel");
        // the daemon closes the database itself after the last results are written; H2's own shutdown hook
        // would close it under the daemon's feet, concurrently, and those results would go to the spool instead
        return new StorageConfig("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE", username, password,
                reportsDirectory, retention);
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }
}
