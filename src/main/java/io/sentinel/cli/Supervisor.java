package io.sentinel.cli;

import io.sentinel.config.ConfigLoader;
import io.sentinel.config.InvalidConfigException;
import io.sentinel.config.SentinelConfig;
import io.sentinel.daemon.DaemonOptions;
import io.sentinel.daemon.RouteAssembly;
import io.sentinel.daemon.SentinelDaemon;
import io.sentinel.reload.ConfigurationVersion;
import io.sentinel.reload.ReloadOutcome;
import io.sentinel.routes.InvalidRoutesException;
import io.sentinel.routes.RouteFiles;
import io.sentinel.secret.Redactor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the daemon running and applies configuration and route changes while it runs, whether a file
 * changed, SIGHUP arrived or {@code POST /api/reload} asked. A change is validated first, configuration and
 * routes together, exactly as {@code validate} does; a wrong one is refused with every problem logged (file,
 * line, fix), raised as a "configuration change refused" alert, and the running configuration stays. A valid
 * one is applied in place when only checks and route files changed (other checks keep probing), else the
 * daemon is rebuilt; if the rebuilt one cannot start, the previous configuration is started again, and if
 * that fails too the supervisor stops with the reason, so the process exits non-zero and is restarted.
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
    private final Path routesDirectory;
    private final Starter starter;
    private final ConfigWatcher watcher;
    private final Duration checkEvery;
    private final CountDownLatch shutdown = new CountDownLatch(1);
    private volatile boolean requested;
    private volatile String failure;
    private SentinelConfig config;
    private AutoCloseable daemon;

    /**
     * A supervisor for a daemon it starts itself with {@link #startDaemon()}: the files are looked at before
     * the daemon starts, so an edit made while it starts is not missed.
     */
    public Supervisor(ConfigLoader loader, Path configFile, Path routesDirectory, DaemonOptions options,
                      SentinelConfig config) {
        this(loader, configFile, routesDirectory, changed -> SentinelDaemon.start(changed, options), config, null,
                CHECK_EVERY);
        options.reloads().handleWith(this::reload);
    }

    /** Starts the daemon on the configuration this supervisor was made with. */
    public synchronized void startDaemon() throws Exception {
        daemon = starter.start(config);
    }

    Supervisor(ConfigLoader loader, Path configFile, Path routesDirectory, Starter starter, SentinelConfig config,
               AutoCloseable daemon, Duration checkEvery) {
        this.loader = loader;
        this.configFile = configFile;
        this.routesDirectory = routesDirectory;
        this.starter = starter;
        this.config = config;
        this.daemon = daemon;
        this.checkEvery = checkEvery;
        this.watcher = new ConfigWatcher(configFile, routesDirectory, this::includedRouteFiles);
    }

    /** Watches for changes until {@link #stop()}, or until no configuration can run. */
    public void run() throws InterruptedException {
        while (!shutdown.await(checkEvery.toMillis(), TimeUnit.MILLISECONDS)) {
            try {
                boolean changed = watcher.changed();
                if (changed || requested) {
                    requested = false;
                    reload();
                }
            } catch (RuntimeException | StackOverflowError | LinkageError unexpected) {
                LOG.error("Reading the configuration change failed ({}); still running the previous configuration"
                        + " and watching for the next change", unexpected.getClass().getSimpleName());
            }
        }
    }

    /** Asks for the configuration to be read again at the next look (SIGHUP). */
    public void requestReload() {
        requested = true;
    }

    /** Why the supervisor stopped on its own, if it did: nothing could run. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    public synchronized void stop() {
        shutdown.countDown();
        if (daemon != null) {
            close(daemon);
        }
    }

    synchronized ReloadOutcome reload() {
        if (shutdown.getCount() == 0) {
            return ReloadOutcome.of(ReloadOutcome.Result.UNCHANGED, version(config));
        }
        SentinelConfig changed;
        try {
            changed = loader.load(configFile);
        } catch (InvalidConfigException invalid) {
            return refuse(version(config), invalid.reportLines());
        }
        String version = version(changed);
        try {
            RouteAssembly.validate(changed, routesDirectory);
        } catch (InvalidRoutesException invalid) {
            return refuse(version, invalid.reportLines());
        }
        if (daemon instanceof SentinelDaemon running) {
            try {
                if (running.apply(changed, version)) {
                    config = changed;
                    LOG.info("Configuration {} applied in place", version);
                    return ReloadOutcome.of(ReloadOutcome.Result.APPLIED, version);
                }
            } catch (Exception partlyApplied) {
                LOG.error("Applying the change in place failed ({}); rebuilding the daemon with it",
                        Redactor.global().describe(partlyApplied));
            }
        }
        return restart(changed, version);
    }

    private ReloadOutcome refuse(String version, List<String> problems) {
        problems.forEach(line -> LOG.error("{}", line));
        LOG.error("Configuration change refused ({} problem(s)); still running the previous configuration",
                problems.size());
        if (daemon instanceof SentinelDaemon running) {
            running.configurationChanges().refused(version, problems);
        }
        return new ReloadOutcome(ReloadOutcome.Result.REFUSED, version, problems);
    }

    private ReloadOutcome restart(SentinelConfig changed, String version) {
        LOG.info("Configuration changed; restarting with {} check(s)", changed.checks().size());
        if (daemon != null) {
            close(daemon);
        }
        try {
            daemon = starter.start(changed);
            config = changed;
            return ReloadOutcome.of(ReloadOutcome.Result.RESTARTED, version);
        } catch (Exception failed) {
            LOG.error("The new configuration could not start ({}); going back to the previous one",
                    Redactor.global().describe(failed));
            try {
                daemon = starter.start(config);
                if (daemon instanceof SentinelDaemon running) {
                    running.configurationChanges().refused(version, List.of("the configuration could not start: "
                            + Redactor.global().describe(failed)));
                }
                return new ReloadOutcome(ReloadOutcome.Result.REFUSED, version,
                        List.of("the configuration could not start: " + Redactor.global().describe(failed)));
            } catch (Exception alsoFailed) {
                failure = "neither the changed configuration nor the previous one could start: "
                        + Redactor.global().describe(alsoFailed);
                LOG.error("The previous configuration could not start again either: {}",
                        Redactor.global().describe(alsoFailed));
                daemon = null;
                shutdown.countDown();
                return new ReloadOutcome(ReloadOutcome.Result.REFUSED, version, List.of(failure));
            }
        }
    }

    private List<Path> includedRouteFiles() {
        SentinelConfig current = config;
        return current == null ? List.of() : RouteFiles.in(routesDirectory, current.routes()).watched();
    }

    private String version(SentinelConfig of) {
        return ConfigurationVersion.of(configFile, RouteFiles.in(routesDirectory, of.routes()).watched());
    }

    private static void close(AutoCloseable daemon) {
        try {
            daemon.close();
        } catch (Exception failure) {
            LOG.warn("Stopping the daemon failed: {}", Redactor.global().describe(failure));
        }
    }
}
