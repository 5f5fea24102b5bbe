package io.sentinel.cli;

import io.sentinel.cli.CommandLine.Command;
import java.util.Optional;

/** What {@code --help} prints, for all commands and for each one. */
public final class Usage {

    static final String GENERAL = """
            Usage: sentinel [run|validate|check|report] [options]   (java -jar sentinel.jar …, or bin/sentinel …)

            Commands:
              run        start the daemon (the default when no command is given)
              validate   check the configuration and the routes and exit: 0 when valid, 2 when not
              check      run checks once, now, print the results, and exit 0 unless a critical check is DOWN
              report     print the diagnostics report of the stored results (sentinel report --help)

            Options of every command:
              --config PATH  configuration file (default: $SENTINEL_CONFIG, else config/sentinel.yaml,
                             else the configuration built into the jar)
              --help, -h     this text, or a command's own: sentinel check --help
              --version      the version of this build

            Exit codes: 0 fine; 1 the daemon could not start or stopped on its own, or (check) a critical
                        check is DOWN; 2 invalid configuration, routes or arguments.
            """;

    static final String RUN = """
            Usage: sentinel run [--config PATH] [--routes DIR] [--data DIR]

            Starts the daemon: probes on schedule, alerts, the HTTP API and status page (server.port, default 8080).
            Stops cleanly on SIGTERM (exit 0); SIGHUP reads the configuration and routes again.

              --config PATH  configuration file (default: $SENTINEL_CONFIG, else config/sentinel.yaml,
                             else the configuration built into the jar); edits apply while it runs
              --routes DIR   the operator's Camel YAML routes and Kamelets, added to the built-in ones
                             (default: $SENTINEL_ROUTES, else routes/); edits apply while it runs
              --data DIR     local state: embedded database, spool files (default: $SENTINEL_DATA, else data/)

            Exit codes: 0 stopped, 1 could not start or stopped on its own (the reason is printed),
                        2 invalid configuration, routes or arguments.
            """;

    static final String VALIDATE = """
            Usage: sentinel validate [--config PATH] [--routes DIR] [--data DIR]

            Reads the configuration and the routes as run would, without starting anything, and reports every
            problem as file:line[:column]: what is wrong — what is allowed. Takes run's arguments, so a service
            can validate with the arguments it runs with; --data is not read.

              --config PATH  configuration file (default: $SENTINEL_CONFIG, else config/sentinel.yaml,
                             else the configuration built into the jar)
              --routes DIR   the operator's routes (default: $SENTINEL_ROUTES, else routes/)

            Exit codes: 0 valid, 2 invalid configuration, routes or arguments.
            """;

    static final String CHECK = """
            Usage: sentinel check [--config PATH] [--only ID…] [--dependency ID…] [--format table|json|junit]

            Runs the selected checks once, right now, and prints the results: for validation after a deploy or a
            rollback. No daemon, API or database is needed, and nothing is written: no results, states, alerts or
            spending are recorded. Every probe is a real call (a paid check spends what it costs); circuit
            breakers and thresholds do not apply: one failed probe is DOWN.

              --config PATH          configuration file (default: $SENTINEL_CONFIG, else config/sentinel.yaml,
                                     else the configuration built into the jar)
              --only ID…             these checks (ids separated by spaces or commas; repeatable)
              --dependency ID…       every check of these dependencies; with --only, the checks of both
              --format FORMAT        table (default), json, or junit (JUnit XML for CI test reports)

            Exit codes: 0 no critical check is DOWN (other DOWN checks are listed), 1 a critical check is DOWN,
                        2 invalid configuration, an unknown check or dependency id, or wrong arguments.
            """;

    private Usage() {
    }

    /** The usage of {@code command}, or of all commands when none is named. */
    public static String of(Optional<Command> command) {
        return command.map(named -> switch (named) {
            case RUN -> RUN;
            case VALIDATE -> VALIDATE;
            case CHECK -> CHECK;
        }).orElse(GENERAL);
    }
}
