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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the daemon running and applies configuration changes while it runs: a changed file is validated
 * first; a wrong one is refused with every problem logged (file, line, fix) and the running configuration
 * stays; a valid one replaces the daemon (state, breakers and the outbox carry over through the database).
 * If the new configuration cannot start, the previous one is started again.
 */
public final class Supervisor {

    private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);
    static final Duration CHECK_EVERY = Duration.ofSeconds(2);

    private final ConfigLoader loader;
    private final Path configFile;
    private final DaemonOptions options;
    private final ConfigWatcher watcher;
    private final CountDownLatch shutdown = new CountDownLatch(1);
    private SentinelConfig config;
    private SentinelDaemon daemon;

    public Supervisor(ConfigLoader loader, Path configFile, Path routesDirectory, DaemonOptions options,
                      SentinelConfig config, SentinelDaemon daemon) {
        this.loader = loader;
        this.configFile = configFile;
        this.options = options;
        this.config = config;
        this.daemon = daemon;
        this.watcher = new ConfigWatcher(configFile, routesDirectory);
    }

    /** Watches for changes until {@link #stop()}. */
    public void run() throws InterruptedException {
        while (!shutdown.await(CHECK_EVERY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            if (watcher.changed()) {
                reload();
            }
        }
    }

    public synchronized void stop() {
        shutdown.countDown();
        if (daemon != null) {
            daemon.close();
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
            invalid.problems().forEach(problem -> LOG.error("{}", problem.format()));
            LOG.error("Configuration change refused ({} problem(s)); still running the previous configuration",
                    invalid.problems().size());
            return;
        }
        LOG.info("Configuration changed; restarting with {} check(s)", changed.checks().size());
        daemon.close();
        try {
            daemon = SentinelDaemon.start(changed, options);
            config = changed;
        } catch (Exception failure) {
            LOG.error("The new configuration could not start ({}); going back to the previous one",
                    Redactor.global().describe(failure));
            try {
                daemon = SentinelDaemon.start(config, options);
            } catch (Exception alsoFailed) {
                LOG.error("The previous configuration could not start again either: {}", Redactor.global().describe(alsoFailed));
                daemon = null;
                shutdown.countDown();
            }
        }
    }
}
