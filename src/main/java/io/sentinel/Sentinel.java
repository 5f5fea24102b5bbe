package io.sentinel;

import io.sentinel.cli.CommandLine;
import io.sentinel.cli.ConfigSource;
import io.sentinel.cli.Supervisor;
import io.sentinel.cli.Usage;
import io.sentinel.cli.Version;
import io.sentinel.cli.check.CheckCommand;
import io.sentinel.config.ConfigLoader;
import io.sentinel.config.InvalidConfigException;
import io.sentinel.config.SentinelConfig;
import io.sentinel.daemon.BuiltInKinds;
import io.sentinel.daemon.DaemonOptions;
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
 * {@code java -jar sentinel.jar [run|validate|check]}. Exit codes: 0 fine, 1 the daemon failed to start or
 * (check) a critical check is DOWN, 2 the configuration or the command line is wrong.
 */
public final class Sentinel {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int INVALID = 2;
    /** The system property logback.xml reads for where log lines go: System.out (the default) or System.err. */
    static final String LOG_TARGET_PROPERTY = "sentinel.log.target";

    private Sentinel() {
    }

    public static void main(String[] args) {
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(Arrays.asList(args));
        } catch (CommandLine.UsageException wrongUsage) {
            System.exit(wrongUsage(wrongUsage, System.err));
            return;
        }
        if (commandLine.command() == CommandLine.Command.CHECK) {
            // stdout carries the report (JSON or JUnit XML a CI system parses): log lines go to stderr. Set before
            // the first logger exists, which is when logback reads its configuration.
            System.setProperty(LOG_TARGET_PROPERTY, "System.err");
        }
        int code = run(commandLine, System.out, System.err, System::getenv);
        // a one-shot command ends here whatever threads a probe's libraries left behind; the daemon has stopped
        if (code != OK || commandLine.command() == CommandLine.Command.CHECK) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err, Function<String, String> environment) {
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
            case VALIDATE -> {
                out.println(config.source() + ": valid (" + config.checks().size() + " checks, "
                        + config.dependencies().size() + " dependencies)");
                yield OK;
            }
            case CHECK -> check(config, commandLine, out, err);
            case RUN -> runDaemon(config, commandLine, environment, err);
        };
    }

    private static int wrongUsage(CommandLine.UsageException wrongUsage, PrintStream err) {
        err.println("sentinel: " + wrongUsage.getMessage());
        err.print(Usage.of(wrongUsage.command()));
        return INVALID;
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
        return new DaemonOptions(DaemonOptions.routesIn(routesDirectory(commandLine, environment)), Path.of(data),
                Clock.systemUTC());
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int runDaemon(SentinelConfig config, CommandLine commandLine, Function<String, String> environment,
                                 PrintStream err) {
        DaemonOptions options = options(commandLine, environment);
        SentinelDaemon daemon;
        try {
            daemon = SentinelDaemon.start(config, options);
        } catch (Exception failure) {
            err.println("sentinel: could not start: " + Redactor.global().describe(failure));
            return FAILED;
        }
        Optional<Path> watchedFile = ConfigSource.file(commandLine, environment);
        if (watchedFile.isEmpty()) {
            // the built-in configuration cannot change: nothing to watch
            stopOnShutdown(daemon::close);
            return awaitStop(daemon);
        }
        Supervisor supervisor = new Supervisor(new ConfigLoader(BuiltInKinds.index(), environment), watchedFile.get(),
                routesDirectory(commandLine, environment), options, config, daemon);
        stopOnShutdown(supervisor::stop);
        try {
            supervisor.run();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            supervisor.stop();
        }
        return OK;
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
