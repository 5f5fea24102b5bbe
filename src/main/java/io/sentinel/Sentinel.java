package io.sentinel;

import io.sentinel.cli.CommandLine;
import io.sentinel.cli.ConfigSource;
import io.sentinel.cli.ReportCommand;
import io.sentinel.cli.Supervisor;
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
import sun.misc.Signal;

/**
 * {@code java -jar sentinel.jar [run|validate|report]}. Exit codes: 0 fine, 1 the daemon failed to start,
 * 2 the configuration or the command line is wrong.
 */
public final class Sentinel {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int INVALID = 2;

    private Sentinel() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err, System::getenv);
        if (code != OK) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err, Function<String, String> environment) {
        if (args.length > 0 && args[0].equals(ReportCommand.NAME)) {
            ReportCommand.logToStandardError(environment);
            return ReportCommand.run(Arrays.asList(args).subList(1, args.length), out, err, environment,
                    Clock.systemUTC());
        }
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(Arrays.asList(args));
        } catch (IllegalArgumentException wrongUsage) {
            err.println("sentinel: " + wrongUsage.getMessage());
            err.print(CommandLine.USAGE);
            return INVALID;
        }
        if (commandLine.command() == CommandLine.Command.HELP) {
            out.print(CommandLine.USAGE);
            return OK;
        }
        SentinelConfig config;
        try {
            config = ConfigSource.load(commandLine, new ConfigLoader(BuiltInKinds.index(), environment), environment);
        } catch (InvalidConfigException invalid) {
            err.print(invalid.report());
            err.println(invalid.problems().size() + " problem(s); nothing was started.");
            return INVALID;
        }
        if (commandLine.command() == CommandLine.Command.VALIDATE) {
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
        return runDaemon(config, commandLine, environment, err);
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
        try {
            supervisor.startDaemon();
        } catch (Exception failure) {
            return startFailed(failure, err);
        }
        stopOnShutdown(supervisor::stop);
        reloadOnHangup(supervisor);
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

    /** SIGHUP, the usual "read your configuration again", does what a changed file does. */
    private static void reloadOnHangup(Supervisor supervisor) {
        try {
            Signal.handle(new Signal("HUP"), signal -> supervisor.requestReload());
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
