package io.sentinel.cli;

import io.sentinel.config.CheckIndex;
import io.sentinel.config.ConfigLoader;
import io.sentinel.config.InvalidConfigException;
import io.sentinel.config.SentinelConfig;
import io.sentinel.config.StorageConfig;
import io.sentinel.daemon.BuiltInKinds;
import io.sentinel.json.Json;
import io.sentinel.report.Since;
import io.sentinel.report.diagnostics.Diagnostics;
import io.sentinel.report.diagnostics.DiagnosticsJson;
import io.sentinel.report.diagnostics.DiagnosticsMarkdown;
import io.sentinel.report.diagnostics.DiagnosticsReport;
import io.sentinel.secret.Redactor;
import io.sentinel.store.Database;
import io.sentinel.store.IncidentReportStore;
import io.sentinel.store.ObservationStore;
import io.sentinel.store.SpendStore;
import io.sentinel.store.StoreException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * {@code sentinel report [--since 24h] [--format md|json] [--config PATH] [--data DIR]}: the diagnostics report of
 * the stored results, read from the configured store directly, printed to standard output. Exit codes as for the
 * daemon: 0 printed, 1 the store could not be read, 2 a wrong command line or configuration.
 */
public final class ReportCommand {

    public static final String NAME = "report";
    static final int OK = 0;
    static final int FAILED = 1;
    static final int INVALID = 2;

    public static final String USAGE = """
            Usage: java -jar sentinel.jar report [--since WHEN] [--format md|json] [--config PATH] [--data DIR]

              Prints the diagnostics report of the stored results from WHEN until now: uptime per dependency and
              check, failures by class and message, the slowest checks, open incidents, spend and recommendations.
              It reads the configured database itself. The embedded H2 database can be open in one process only:
              while the daemon runs on it, ask the daemon instead (GET /api/report?since=24h).

              --since WHEN   an ISO-8601 instant (2026-11-26T09:00:00Z) or a duration back from now (30m, 24h,
                             7d), at most 31d back (default: 24h)
              --format F     md (Markdown, the default) or json
              --config PATH  configuration file, as for run
              --data DIR     data directory holding the embedded database, as for run
            """;

    /** The options of one invocation. */
    record Options(String since, boolean json, List<String> sharedArguments, boolean help) {
    }

    private ReportCommand() {
    }

    /**
     * Runs the command.
     *
     * @param args the arguments after {@code report}
     */
    public static int run(List<String> args, PrintStream out, PrintStream err, Function<String, String> environment,
                          Clock clock) {
        Options options;
        Instant now = clock.instant();
        Instant from;
        try {
            options = parse(args);
            if (options.help()) {
                out.print(USAGE);
                return OK;
            }
            from = Since.parse(options.since(), now, Diagnostics.LONGEST_WINDOW);
            if (!from.isBefore(now)) {
                throw new IllegalArgumentException("--since must be before now: the report covers from then until now");
            }
        } catch (IllegalArgumentException wrongUsage) {
            err.println("sentinel report: " + wrongUsage.getMessage());
            err.print(USAGE);
            return INVALID;
        }
        CommandLine shared = CommandLine.parse(options.sharedArguments());
        SentinelConfig config;
        try {
            config = ConfigSource.load(shared, new ConfigLoader(BuiltInKinds.index(), environment), environment);
        } catch (InvalidConfigException invalid) {
            err.print(invalid.report());
            err.println(invalid.problems().size() + " problem(s) in the configuration; no report was made.");
            return INVALID;
        }
        Path data = Path.of(shared.data().orElseGet(() -> orDefault(environment.apply("SENTINEL_DATA"), "data")));
        StorageConfig storage = existingOnly(config.storage().locatedIn(data));
        try (Database database = Database.open(storage)) {
            if (!database.isReady()) {
                err.println("sentinel report: cannot open the database " + Redactor.global().redact(storage.url())
                        + " (the line above says why). The embedded database can be open in one process only: while"
                        + " the daemon runs on it, ask the daemon: GET /api/report?since=" + options.since());
                return FAILED;
            }
            DiagnosticsReport report = new Diagnostics(new ObservationStore(database), new IncidentReportStore(database),
                    new SpendStore(database), new CheckIndex(config), clock).report(from, now);
            out.print(options.json()
                    ? Redactor.global().redact(Json.write(DiagnosticsJson.of(report))) + System.lineSeparator()
                    : DiagnosticsMarkdown.render(report));
            out.flush();
            return OK;
        } catch (StoreException unreadable) {
            err.println("sentinel report: cannot read the database: " + Redactor.global().describe(unreadable));
            return FAILED;
        }
    }

    /**
     * Sends the log to standard error, warnings and errors only unless {@code SENTINEL_LOG_LEVEL} says otherwise,
     * so standard output is the report alone. Takes effect when called before anything has logged.
     */
    public static void logToStandardError(Function<String, String> environment) {
        System.setProperty("sentinel.log.target", "System.err");
        if (environment.apply("SENTINEL_LOG_LEVEL") == null) {
            System.setProperty("SENTINEL_LOG_LEVEL", "WARN");
        }
    }

    static Options parse(List<String> args) {
        String since = "24h";
        boolean json = false;
        boolean help = false;
        List<String> shared = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") && arg.startsWith("--") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inline = name.equals(arg) ? null : arg.substring(name.length() + 1);
            switch (name) {
                case "--help", "-h", "help" -> help = true;
                case "--since" -> since = inline != null ? inline : value(args, ++i, name);
                case "--format" -> json = json(inline != null ? inline : value(args, ++i, name));
                case "--config", "--data" -> {
                    shared.add(name);
                    shared.add(inline != null ? inline : value(args, ++i, name));
                }
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        return new Options(since, json, shared, help);
    }

    private static boolean json(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> true;
            case "md", "markdown" -> false;
            default -> throw new IllegalArgumentException("--format must be md or json");
        };
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    /**
     * An embedded database that does not exist is an error here, not a new empty one: a report of nothing would
     * look like a quiet day.
     */
    private static StorageConfig existingOnly(StorageConfig storage) {
        if (!storage.url().startsWith("jdbc:h2:") || storage.url().toUpperCase(Locale.ROOT).contains(";IFEXISTS=")) {
            return storage;
        }
        return new StorageConfig(storage.url() + ";IFEXISTS=TRUE", storage.username(), storage.password(),
                storage.reportsDirectory(), storage.retention());
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
