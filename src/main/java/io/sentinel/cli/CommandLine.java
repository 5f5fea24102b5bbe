package io.sentinel.cli;

import java.util.List;
import java.util.Optional;

/**
 * The parsed command line: {@code [run|validate] [--config PATH] [--routes DIR] [--data DIR]}.
 *
 * @param command  what to do
 * @param config   the configuration file, if given
 * @param routes   the routes directory, if given
 * @param data     the data directory, if given
 */
public record CommandLine(Command command, Optional<String> config, Optional<String> routes, Optional<String> data) {

    public enum Command { RUN, VALIDATE, HELP }

    public static final String USAGE = """
            Usage: java -jar sentinel.jar [run|validate|report] [--config PATH] [--routes DIR] [--data DIR]

              run        start the daemon (the default)
              validate   check the configuration and exit: 0 when valid, 2 when not
              report     print the diagnostics report of the stored results (report --help says more)

              --config PATH  configuration file (default: $SENTINEL_CONFIG, else config/sentinel.yaml,
                             else the configuration built into the jar)
              --routes DIR   Camel YAML routes (default: $SENTINEL_ROUTES, else routes/, else the built-in routes)
              --data DIR     local state: embedded database, spool files (default: $SENTINEL_DATA, else data/)
            """;

    /** Parses arguments; a problem is reported as an {@link IllegalArgumentException} with a readable message. */
    public static CommandLine parse(List<String> args) {
        Command command = Command.RUN;
        String config = null;
        String routes = null;
        String data = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "run" -> command = Command.RUN;
                case "validate" -> command = Command.VALIDATE;
                case "help", "--help", "-h" -> command = Command.HELP;
                case "--config" -> config = value(args, ++i, arg);
                case "--routes" -> routes = value(args, ++i, arg);
                case "--data" -> data = value(args, ++i, arg);
                default -> {
                    if (arg.startsWith("--config=")) {
                        config = arg.substring("--config=".length());
                    } else if (arg.startsWith("--routes=")) {
                        routes = arg.substring("--routes=".length());
                    } else if (arg.startsWith("--data=")) {
                        data = arg.substring("--data=".length());
                    } else {
                        throw new IllegalArgumentException("unknown argument '" + arg + "'");
                    }
                }
            }
        }
        return new CommandLine(command, Optional.ofNullable(config), Optional.ofNullable(routes), Optional.ofNullable(data));
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }
}
