package io.sentinel;

import io.sentinel.cli.CommandLine;
import io.sentinel.cli.ConfigSource;
import io.sentinel.cli.ReportCommand;
import io.sentinel.cli.Supervisor;
import io.sentinel.cli.Usage;
import io.sentinel.cli.Version;
import io.sentinel.cli.check.CheckCommand;
import io.sentinel.config.ConfigLoader;
import io.sentinel.config.InvalidConfigException;
import io.sentinel.config.SentinelConfig;
import io.sentinel.daemon.BuiltInKinds;
import io.sentinel.daemon.DaemonOptions;
import io.sentinel.daemon.RouteAssembly;
import io.sentinel.routes.InvalidRoutesException;
import io.sentinel.daemon.SentinelDaemon;
import io.sentinel.secret.Redactor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code java -jar sentinel.jar [run|validate|check|report]}. Exit codes: 0 fine, 1 the daemon failed to start or
 * stopped on its own, (check) a critical check is DOWN, or (report) the database could not be read, 2 the
 * configuration, the routes or the command line is wrong.
 */
public final class Sentinel {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int INVALID = 2;
    /** The system property the log set-up ({@code LogSetup}) reads for where log lines go: System.out (the default) or System.err. */
    static final String LOG_TARGET_PROPERTY = "sentinel.log.target";

    private Sentinel() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(ReportCommand.NAME)) {
            System.exit(run(args, System.out, System.err, System::getenv));
        }
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(Arrays.asList(args));
        } catch (CommandLine.UsageException wrongUsage) {
            System.exit(wrongUsage(wrongUsage, System.err));
            return;
        }
        if (commandLine.command() == CommandLine.Command.CHECK) {
            // stdout carries the report (JSON or JUnit XML a CI system parses): log lines go to stderr. Set before
            // the first logger exists, which is when logback sets itself up.
            System.setProperty(LOG_TARGET_PROPERTY, "System.err");
        }
        int code = run(commandLine, System.out, System.err, System::getenv);
        // a one-shot command ends here whatever threads a probe's libraries left behind; the daemon has stopped
        if (code != OK || commandLine.command() == CommandLine.Command.CHECK) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err, Function<String, String> environment) {
        if (args.length > 0 && args[0].equals(ReportCommand.NAME)) {
            ReportCommand.logToStandardError(environment);
            return ReportCommand.run(Arrays.asList(args).subList(1, args.length), out, err, environment,
                    Clock.systemUTC());
        }
        try {
            return run(CommandLine.parse(Arrays.asList(args)), out, err, environment);
        } catch (CommandLine.UsageException wrongUsage) {
            return wrongUsage(wrongUsage, err);
        }
    }

    private static int run(CommandLine commandLine, PrintStream out, PrintStream err, Function<String, String> environment) {
        if (commandLine.version()) {
            out.println(Version.describe());
            return OK;
        }
        if (commandLine.help()) {
            out.print(Usage.of(commandLine.named()));
            return OK;
        }
        SentinelConfig config;
        try {
            config = ConfigSource.load(commandLine, new ConfigLoader(BuiltInKinds.index(), environment), environment);
        } catch (InvalidConfigException invalid) {
            err.print(invalid.report());
            err.println(invalid.problems().size() + " problem(s); nothing was " + (commandLine.command() == CommandLine.Command.CHECK
                    ? "checked." : "started."));
            return INVALID;
        }
        return switch (commandLine.command()) {
            case VALIDATE -> validate(config, commandLine, environment, out, err);
            case CHECK -> check(config, commandLine, out, err);
            case RUN -> runDaemon(config, commandLine, environment, err);
        };
    }

    private static int wrongUsage(CommandLine.UsageException wrongUsage, PrintStream err) {
        err.println("sentinel: " + wrongUsage.getMessage());
        err.print(Usage.of(wrongUsage.command()));
        return INVALID;
    }

    /** The configuration, then its routes, assembled as the daemon would but never started. */
    private static int validate(SentinelConfig config, CommandLine commandLine, Function<String, String> environment,
                                PrintStream out, PrintStream err) {
        Path routes = routesDirectory(commandLine, environment);
        try {
            RouteAssembly.validate(config, routes);
        } catch (InvalidRoutesException invalid) {
            invalid.reportLines().forEach(err::println);
            err.println(invalid.problems().size() + " problem(s) in the routes; nothing was started.");
            return INVALID;
        }
        out.println(config.source() + ": valid (" + config.checks().size() + " checks, "
                + config.dependencies().size() + " dependencies)");
        out.println("routes: valid (the built-in ones" + (java.nio.file.Files.isDirectory(routes)
                ? " and those in " + routes : "") + ")");
        return OK;
    }

    private static int check(SentinelConfig config, CommandLine commandLine, PrintStream out, PrintStream err) {
        try {
            return CheckCommand.run(config, commandLine, BuiltInKinds.all(), out, Clock.systemUTC());
        } catch (IllegalArgumentException unknownId) {
            err.println("sentinel: " + unknownId.getMessage());
            err.print(Usage.of(commandLine.named()));
            return INVALID;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            err.println("sentinel: interrupted before every check had run");
            return FAILED;
        }
    }

    private static Path routesDirectory(CommandLine commandLine, Function<String, String> environment) {
        return Path.of(commandLine.routes().orElseGet(() -> orDefault(environment.apply("SENTINEL_ROUTES"), "routes")));
    }

    private static DaemonOptions options(CommandLine commandLine, Function<String, String> environment) {
        String data = commandLine.data().orElseGet(() -> orDefault(environment.apply("SENTINEL_DATA"), "data"));
        return new DaemonOptions(routesDirectory(commandLine, environment), Path.of(data),
                Clock.systemUTC());
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int runDaemon(SentinelConfig config, CommandLine commandLine, Function<String, String> environment,
                                 PrintStream err) {
        DaemonOptions options = options(commandLine, environment);
        Optional<Path> watchedFile = ConfigSource.file(commandLine, environment);
        if (watchedFile.isEmpty()) {
            // the built-in configuration cannot change: nothing to watch
            SentinelDaemon daemon;
            try {
                daemon = SentinelDaemon.start(config, options);
            } catch (Exception failure) {
                return startFailed(failure, err);
            }
            stopOnShutdown(daemon::close);
            return awaitStop(daemon);
        }
        Supervisor supervisor = new Supervisor(new ConfigLoader(BuiltInKinds.index(), environment), watchedFile.get(),
                routesDirectory(commandLine, environment), options, config);
        // Before the start: probes and the API run before startDaemon returns, and a SIGHUP without a handler is
        // the JVM's signal to stop. One that arrives while the daemon starts is a reload once it runs.
        reloadOnHangup(supervisor);
        try {
            supervisor.startDaemon();
        } catch (Exception failure) {
            return startFailed(failure, err);
        }
        stopOnShutdown(supervisor::stop);
        try {
            supervisor.run();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            supervisor.stop();
        }
        Optional<String> failure = supervisor.failure();
        if (failure.isPresent()) {
            // not a requested stop: nothing is monitoring now, so the exit code says so and a supervisor restarts us
            err.println("sentinel: stopped: " + failure.get());
            return FAILED;
        }
        return OK;
    }

    private static int startFailed(Exception failure, PrintStream err) {
        if (failure instanceof InvalidRoutesException invalid) {
            invalid.reportLines().forEach(err::println);
            err.println(invalid.problems().size() + " problem(s) in the routes; nothing was started.");
            return INVALID;
        }
        err.println("sentinel: could not start: " + Redactor.global().describe(failure));
        return FAILED;
    }

    /**
     * SIGHUP, the usual "read your configuration again", does what a changed file does. A process started with
     * SIGHUP ignored (under {@code nohup}) keeps it ignored: the JVM installs no handler, so the log says so.
     */
    private static void reloadOnHangup(Supervisor supervisor) {
        try {
            SignalHandler before = Signal.handle(new Signal("HUP"), signal -> supervisor.requestReload());
            if (before == SignalHandler.SIG_IGN) {
                LoggerFactory.getLogger(Sentinel.class).warn("SIGHUP is ignored in this process (it was started"
                        + " under nohup or with SIGHUP ignored), so SIGHUP does not reload the configuration;"
                        + " a changed file or POST /api/reload does");
            }
        } catch (IllegalArgumentException unavailable) {
            // no SIGHUP on this platform or JVM (-Xrs): file changes and POST /api/reload still work
        }
    }

    /**
     * Stops the daemon when the JVM shuts down. SIGTERM, the way Docker, Kubernetes and systemd ask for a stop,
     * runs that same shutdown and exits 0 rather than the JVM's 143 (128 + SIGTERM): a requested stop that
     * completed is not a failure.
     */
    private static void stopOnShutdown(Runnable stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "sentinel-shutdown"));
        try {
            Signal.handle(new Signal("TERM"), signal -> System.exit(OK));
        } catch (IllegalArgumentException reserved) {
            // the JVM keeps SIGTERM to itself here (-Xrs): its own handling stays
        }
    }

    private static int awaitStop(SentinelDaemon daemon) {
        try {
            daemon.awaitStop();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            daemon.close();
        }
        return OK;
    }
}
