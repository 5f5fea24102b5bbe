package io.sentinel.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The parsed command line: {@code [run|validate|check] [options]}, with {@code --help} and {@code --version}.
 *
 * @param named        the command given, empty when none was (then the daemon runs)
 * @param help         print the usage of the command (or of all commands) and stop
 * @param version      print the version and stop
 * @param config       the configuration file, if given
 * @param routes       the routes directory, if given
 * @param data         the data directory, if given
 * @param only         {@code check}: the check ids asked for
 * @param dependencies {@code check}: the dependencies whose checks are asked for
 * @param format       {@code check}: how the results are printed
 */
public record CommandLine(Optional<Command> named, boolean help, boolean version, Optional<String> config,
                          Optional<String> routes, Optional<String> data, List<String> only, List<String> dependencies,
                          ReportFormat format) {

    /** What Sentinel is asked to do. */
    public enum Command {
        RUN, VALIDATE, CHECK;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Command> of(String word) {
            for (Command command : values()) {
                if (command.word().equals(word)) {
                    return Optional.of(command);
                }
            }
            return Optional.empty();
        }
    }

    /** How {@code sentinel check} prints its results. */
    public enum ReportFormat {
        TABLE, JSON, JUNIT;

        static ReportFormat of(String text) {
            for (ReportFormat format : values()) {
                if (format.name().equalsIgnoreCase(text)) {
                    return format;
                }
            }
            throw new IllegalArgumentException("--format must be table, json or junit, got '" + text + "'");
        }
    }

    /** A command line that cannot be run: the message says why, {@link #command()} whose usage to print. */
    public static final class UsageException extends IllegalArgumentException {

        private final transient Optional<Command> command;

        UsageException(Optional<Command> command, String message) {
            super(message);
            this.command = command;
        }

        public Optional<Command> command() {
            return command;
        }
    }

    public CommandLine {
        only = List.copyOf(only);
        dependencies = List.copyOf(dependencies);
    }

    /** The command to run: the one named, else the daemon. */
    public Command command() {
        return named.orElse(Command.RUN);
    }

    /** Parses arguments; a problem is reported as a {@link UsageException} with a readable message. */
    public static CommandLine parse(List<String> args) {
        Parser parser = new Parser();
        try {
            for (int index = 0; index < args.size(); index = parser.read(args, index)) {
                // read() advances past the argument and any values it took
            }
        } catch (IllegalArgumentException wrong) {
            throw new UsageException(parser.command, wrong.getMessage());
        }
        return parser.finish();
    }

    /** One pass over the arguments; options may come before or after the command. */
    private static final class Parser {
        private Optional<Command> command = Optional.empty();
        private boolean help;
        private boolean version;
        private String config;
        private String routes;
        private String data;
        private final List<String> only = new ArrayList<>();
        private final List<String> dependencies = new ArrayList<>();
        private ReportFormat format;

        /** Reads the argument at {@code index} and returns the index of the next one. */
        int read(List<String> args, int index) {
            String arg = args.get(index);
            int equals = arg.startsWith("--") ? arg.indexOf('=') : -1;
            String name = equals < 0 ? arg : arg.substring(0, equals);
            Optional<String> inline = equals < 0 ? Optional.empty() : Optional.of(arg.substring(equals + 1));
            switch (name) {
                case "run", "validate", "check" -> setCommand(Command.of(name).orElseThrow());
                case "help", "--help", "-h" -> help = true;
                case "version", "--version" -> version = true;
                case "--config" -> config = once(config, name, value(args, index, name, inline));
                case "--routes" -> routes = once(routes, name, value(args, index, name, inline));
                case "--data" -> data = once(data, name, value(args, index, name, inline));
                case "--format" -> format = ReportFormat.of(once(format == null ? null : format.name(), name,
                        value(args, index, name, inline)));
                case "--only" -> {
                    return values(args, index, name, inline, only);
                }
                case "--dependency" -> {
                    return values(args, index, name, inline, dependencies);
                }
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
            return inline.isPresent() || !takesValue(name) ? index + 1 : index + 2;
        }

        CommandLine finish() {
            Command effective = command.orElse(Command.RUN);
            boolean checkOptions = !only.isEmpty() || !dependencies.isEmpty() || format != null;
            if (checkOptions && effective != Command.CHECK) {
                throw new UsageException(command, "--only, --dependency and --format belong to the check command: "
                        + "sentinel check --only ID");
            }
            if (effective == Command.CHECK && (routes != null || data != null)) {
                throw new UsageException(command, "check uses neither --routes nor --data: it runs the probes and "
                        + "writes nothing");
            }
            return new CommandLine(command, help, version, Optional.ofNullable(config), Optional.ofNullable(routes),
                    Optional.ofNullable(data), only, dependencies, format == null ? ReportFormat.TABLE : format);
        }

        private void setCommand(Command named) {
            if (command.isPresent() && command.get() != named) {
                throw new IllegalArgumentException("two commands given: " + command.get().word() + " and " + named.word());
            }
            command = Optional.of(named);
        }

        private static boolean takesValue(String name) {
            return name.equals("--config") || name.equals("--routes") || name.equals("--data") || name.equals("--format");
        }

        private static String once(String previous, String option, String value) {
            if (previous != null) {
                throw new IllegalArgumentException(option + " is given twice");
            }
            return value;
        }

        private static String value(List<String> args, int index, String option, Optional<String> inline) {
            if (inline.isPresent()) {
                return requireNonBlank(inline.get(), option);
            }
            if (index + 1 >= args.size() || args.get(index + 1).startsWith("-")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return requireNonBlank(args.get(index + 1), option);
        }

        /**
         * {@code --only a b}, {@code --only a,b}, {@code --only=a,b} and {@code --only a --only b} all ask for a and
         * b: the values run up to the next argument that starts with '-'.
         */
        private static int values(List<String> args, int index, String option, Optional<String> inline, List<String> into) {
            int next = index + 1;
            int before = into.size();
            List<String> words = new ArrayList<>();
            if (inline.isPresent()) {
                words.add(inline.get());
            } else {
                while (next < args.size() && !args.get(next).startsWith("-")) {
                    words.add(args.get(next++));
                }
            }
            for (String word : words) {
                for (String id : word.split(",", -1)) {
                    if (!id.isBlank()) {
                        into.add(id.strip());
                    }
                }
            }
            if (into.size() == before) {
                throw new IllegalArgumentException(option + " needs at least one id");
            }
            return next;
        }

        private static String requireNonBlank(String value, String option) {
            if (value.isBlank()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }
    }
}
