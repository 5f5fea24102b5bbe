package io.sentinel.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.sentinel.config.StorageConfig;
import io.sentinel.secret.Redactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.sentinel.writer.Outage;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool and the schema. Opening never fails because the database is down: monitoring must
 * keep running when its own storage is the thing that broke, so the schema migration is retried, with backoff,
 * by the {@code database-schema} route ({@link #migrateWhenDue()}), and {@link #isReady()} says when the tables
 * can be used.
 *
 * <p>Close the stores before the database.
 */
public final class Database implements AutoCloseable {

    private static final String POOL_NAME = "sentinel-db";
    private static final int MAX_CONNECTIONS = 4;
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** H2's page cache in KiB: see {@link #withSentinelSettings}. */
    static final int H2_CACHE_KIB = 1024;

    private final HikariDataSource pool;
    private final Flyway flyway;
    private final boolean postgres;
    private final String displayUrl;
    private final Outage unavailable;
    private volatile boolean ready;
    private volatile boolean closed;
    private int failedAttempts;
    /** The first migration attempt when it runs on its own thread ({@link #openInBackground}); null otherwise. */
    private volatile Thread opening;

    private Database(HikariDataSource pool, boolean postgres, String displayUrl, Clock clock) {
        this.pool = pool;
        this.postgres = postgres;
        this.displayUrl = displayUrl;
        this.flyway = Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load();
        this.unavailable = new Outage(LOG, "Database " + displayUrl + " is not available", clock);
    }

    public static Database open(StorageConfig config) {
        return open(config, Clock.systemUTC());
    }

    /**
     * Builds the pool and brings the schema up to date. When the database cannot be reached, returns after the
     * first attempt (at most the connection timeout, 5 s) with {@link #isReady()} false; {@link #migrateWhenDue()}
     * tries again.
     *
     * @param clock paces the retries
     */
    public static Database open(StorageConfig config, Clock clock) {
        String displayUrl = Redactor.global().redact(config.url());
        createDirectoryFor(config.url());
        Database database = new Database(new HikariDataSource(poolSettings(config)), config.isPostgres(), displayUrl,
                clock);
        database.migrate();
        return database;
    }

    /**
     * Like {@link #open(StorageConfig, Clock)}, but the first connection and schema migration run on their own
     * thread, so that a daemon builds its other parts (Camel, the routes) meanwhile: opening an embedded database
     * and checking its schema is a good part of a start. {@link #awaitReady} waits for that attempt to finish.
     */
    public static Database openInBackground(StorageConfig config, Clock clock) {
        String displayUrl = Redactor.global().redact(config.url());
        createDirectoryFor(config.url());
        Database database = new Database(new HikariDataSource(poolSettings(config)), config.isPostgres(), displayUrl,
                clock);
        Thread opening = new Thread(() -> {
            synchronized (database) {
                database.migrate();
            }
        }, "sentinel-database-open");
        opening.setDaemon(true);
        database.opening = opening;
        opening.start();
        return database;
    }

    /**
     * Tries the schema migration again if the database was not available and the backoff since the last try
     * (one second doubling to thirty) has passed; does nothing once the database is ready.
     *
     * @return whether the database is ready
     */
    public synchronized boolean migrateWhenDue() {
        if (!ready && !closed && unavailable.isRetryDue()) {
            migrate();
        }
        return ready;
    }

    /**
     * At start, before the previous run's state is read: a database another process has just let go of (an
     * embedded H2 file after the previous daemon was killed) often opens a moment later, and reading the state
     * from it beats starting every check from UNKNOWN. Tries again every quarter second for at most
     * {@code atMost}; a database that is really down is left to {@link #migrateWhenDue()}.
     */
    public boolean awaitReady(java.time.Duration atMost) {
        if (!awaitFirstAttempt()) {
            return isReady();
        }
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!isReady() && !closed && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return isReady();
            }
            synchronized (this) {
                if (!ready && !closed) {
                    migrate();
                }
            }
        }
        return isReady();
    }

    /**
     * Waits for the first attempt of {@link #openInBackground} (at most the connection timeout when the database
     * is down), so that what follows reads a migrated schema or knows it is not there; false when interrupted.
     */
    public boolean awaitFirstAttempt() {
        Thread attempt = opening;
        if (attempt == null) {
            return true;
        }
        try {
            attempt.join();
            opening = null;
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    /** True once the schema is migrated. It stays true through later outages: the stores handle those. */
    public boolean isReady() {
        return ready;
    }

    public boolean isPostgres() {
        return postgres;
    }

    @Override
    public void close() {
        closed = true;
        pool.close();
    }

    private static HikariConfig poolSettings(StorageConfig config) {
        HikariConfig settings = new HikariConfig();
        settings.setPoolName(POOL_NAME);
        settings.setJdbcUrl(withSentinelSettings(config.url()));
        settings.setUsername(config.username());
        if (config.password().isPresent()) {
            settings.setPassword(config.password().value());
        }
        settings.setMaximumPoolSize(MAX_CONNECTIONS);
        settings.setMinimumIdle(1);
        settings.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        settings.setValidationTimeout(Duration.ofSeconds(2).toMillis());
        // Do not insist on a connection while building the pool: an unreachable database must not stop startup.
        settings.setInitializationFailTimeout(-1);
        return settings;
    }

    /**
     * The H2 defaults Sentinel changes. Two break promises. {@code WRITE_DELAY}: a commit reaches the file up to
     * half a second later, so a process killed in between forgets decisions it already acted on; Sentinel commits
     * rarely (decisions, batches), so every commit goes to the file at once. {@code DB_CLOSE_ON_EXIT}: H2's own
     * shutdown hook closes the database while Sentinel's hook is still flushing results and states into it;
     * Sentinel closes it itself, last. One costs CPU: {@code CACHE_SIZE}, H2's page cache, is 64 MiB per GiB of
     * heap (8 MiB under {@code bin/sentinel}'s 128). Results are appended and seldom read back, so the cache mostly
     * holds index pages that the next commit replaces: they outlive a young collection, fill the old generation
     * and force a full collection every few seconds at 1,000 checks. 1 MiB takes 8–11 % off the CPU per probe at
     * 1,000 and 10,000 checks (bench/RESULTS.md). A setting the URL already names is left as it is.
     */
    static String withSentinelSettings(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return url;
        }
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        StringBuilder settings = new StringBuilder(url);
        if (!upper.contains(";WRITE_DELAY=")) {
            settings.append(";WRITE_DELAY=0");
        }
        if (!upper.contains(";DB_CLOSE_ON_EXIT=") && !upper.startsWith("JDBC:H2:MEM:")) {
            settings.append(";DB_CLOSE_ON_EXIT=FALSE");
        }
        if (!upper.contains(";CACHE_SIZE=")) {
            settings.append(";CACHE_SIZE=").append(H2_CACHE_KIB);
        }
        return settings.toString();
    }

    private static void createDirectoryFor(String url) {
        Optional<Path> directory = H2FileLocation.directoryOf(url);
        if (directory.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(directory.get());
        } catch (IOException error) {
            // H2 will report the same problem on connect, through the normal retry path.
            LOG.warn("Cannot create database directory {}: {}", directory.get(), Outage.reason(error));
        }
    }

    private void migrate() {
        try {
            int applied = flyway.migrate().migrationsExecuted;
            unavailable.succeeded();
            ready = true;
            LOG.info("Database {} ready ({} schema migrations applied{})", displayUrl, applied,
                    failedAttempts > 0 ? ", after " + failedAttempts + " failed attempts" : "");
        } catch (RuntimeException error) {
            if (closed) {
                return;
            }
            failedAttempts++;
            unavailable.failed(error, "Sentinel keeps running without storage");
        }
    }
}
