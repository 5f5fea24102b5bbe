package io.sentinel.cli;

import io.sentinel.config.ConfigLoader;
import io.sentinel.config.InvalidConfigException;
import io.sentinel.config.SentinelConfig;
import io.sentinel.daemon.DaemonOptions;
import io.sentinel.daemon.SentinelDaemon;
import io.sentinel.secret.Redactor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the daemon running and applies configuration changes while it runs: a changed file is validated
 * first; a wrong one is refused with every problem logged (file, line, fix) and the running configuration
 * stays; a valid one replaces the daemon (state, breakers and the outbox carry over through the database).
 * If the new configuration cannot start, the previous one is started again.
 *
 * <p>No edit, however broken, stops the watching: whatever goes wrong while reading a change is logged
 * (without a stack trace, which could carry a value from the file) and the next change is read again.
 */
public final class Supervisor {

    private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);
    static final Duration CHECK_EVERY = Duration.ofSeconds(2);

    /** Starts a daemon for a configuration; a seam so that reloading can be tested without Camel. */
    @FunctionalInterface
    interface Starter {
        AutoCloseable start(SentinelConfig config) throws Exception;
    }

    private final ConfigLoader loader;
    private final Path configFile;
    private final Starter starter;
    private final ConfigWatcher watcher;
    private final Duration checkEvery;
    private final CountDownLatch shutdown = new CountDownLatch(1);
    private SentinelConfig config;
    private AutoCloseable daemon;

    public Supervisor(ConfigLoader loader, Path configFile, Path routesDirectory, DaemonOptions options,
                      SentinelConfig config, SentinelDaemon daemon) {
        this(loader, configFile, routesDirectory, changed -> SentinelDaemon.start(changed, options), config, daemon,
                CHECK_EVERY);
    }

    Supervisor(ConfigLoader loader, Path configFile, Path routesDirectory, Starter starter, SentinelConfig config,
               AutoCloseable daemon, Duration checkEvery) {
        this.loader = loader;
        this.configFile = configFile;
        this.starter = starter;
        this.config = config;
        this.daemon = daemon;
        this.checkEvery = checkEvery;
        this.watcher = new ConfigWatcher(configFile, routesDirectory);
    }

    /** Watches for changes until {@link #stop()}. */
    public void run() throws InterruptedException {
        while (!shutdown.await(checkEvery.toMillis(), TimeUnit.MILLISECONDS)) {
            try {
                if (watcher.changed()) {
                    reload();
                }
            } catch (RuntimeException | StackOverflowError | LinkageError unexpected) {
                LOG.error("Reading the configuration change failed ({}); still running the previous configuration"
                        + " and watching for the next change", unexpected.getClass().getSimpleName());
            }
        }
    }

    public synchronized void stop() {
        shutdown.countDown();
        if (daemon != null) {
            close(daemon);
        }
    }

    synchronized void reload() {
        if (shutdown.getCount() == 0) {
            return;
        }
        SentinelConfig changed;
        try {
            changed = loader.load(configFile);
        } catch (InvalidConfigException invalid) {
            invalid.reportLines().forEach(line -> LOG.error("{}", line));
            LOG.error("Configuration change refused ({} problem(s)); still running the previous configuration",
                    invalid.problems().size());
            return;
        }
        LOG.info("Configuration changed; restarting with {} check(s)", changed.checks().size());
        if (daemon != null) {
            close(daemon);
        }
        try {
            daemon = starter.start(changed);
            config = changed;
        } catch (Exception failure) {
            LOG.error("The new configuration could not start ({}); going back to the previous one",
                    Redactor.global().describe(failure));
            try {
                daemon = starter.start(config);
            } catch (Exception alsoFailed) {
                LOG.error("The previous configuration could not start again either: {}", Redactor.global().describe(alsoFailed));
                daemon = null;
                shutdown.countDown();
            }
        }
    }

    private static void close(AutoCloseable daemon) {
        try {
            daemon.close();
        } catch (Exception failure) {
            LOG.warn("Stopping the daemon failed: {}", Redactor.global().describe(failure));
        }
    }
}
