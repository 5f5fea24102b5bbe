package io.sentinel.config;

import io.sentinel.secret.Redactor;
import io.sentinel.secret.Secret;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads {@code sentinel.yaml} into a {@link SentinelConfig}, checking everything before anything starts.
 * All problems are collected, each with its file, line and column and what would be accepted.
 */
public final class ConfigLoader {

    /** Overrides {@code server.port}, so a container can move the port without editing the file. */
    public static final String PORT_VARIABLE = "SENTINEL_HTTP_PORT";
    /** The operator token, when {@code server.adminToken} is not set. */
    public static final String ADMIN_TOKEN_VARIABLE = "SENTINEL_ADMIN_TOKEN";
    /** Starts the problem reported when a reader fails on its own; the fuzz tests look for it. */
    public static final String INTERNAL_ERROR = "internal error while reading the configuration";
    /** Above this a daemon spends its memory on threads that mostly wait. */
    static final int MAX_PROBE_THREADS = 512;
    /** Results are deleted after this long; ten years is longer than anyone keeps probe history. */
    static final Duration SHORTEST_RETENTION = Duration.ofHours(1);
    static final Duration LONGEST_RETENTION = Duration.ofDays(3650);
    private static final String DEFAULT_REPORTS = "reports/monitoring";

    private final CheckKinds kinds;
    private final Function<String, String> environment;

    public ConfigLoader(CheckKinds kinds, Function<String, String> environment) {
        this.kinds = kinds;
        this.environment = environment;
    }

    public ConfigLoader(CheckKinds kinds) {
        this(kinds, System::getenv);
    }

    public SentinelConfig load(Path file) throws InvalidConfigException {
        return parse(file, ConfigText.read(file));
    }

    /**
     * Parses configuration text; {@code file} is used only to name the source in problems. Whatever the text,
     * the outcome is a configuration or an {@link InvalidConfigException}: nothing else escapes.
     */
    public SentinelConfig parse(Path file, String yaml) throws InvalidConfigException {
        ConfigText.requireWithinLimit(file, yaml);
        ReadContext context = new ReadContext(file, new EnvInterpolator(environment));
        SentinelConfig config = null;
        try {
            config = compose(file, yaml, context);
        } catch (RuntimeException | StackOverflowError | LinkageError failure) {
            // a reader's own bug (a check kind's options reader, say) must still end as a refusal with a
            // position, not as a stack trace or a dead configuration watcher
            context.problem(1, 1, INTERNAL_ERROR + " (" + failure.getClass().getSimpleName() + ")",
                    "this is a bug in Sentinel: please report it with the file (with its secrets removed)");
        }
        if (config == null && !context.hasProblems()) {
            context.problem(1, 1, INTERNAL_ERROR + " (no configuration and no problem)",
                    "this is a bug in Sentinel: please report it with the file (with its secrets removed)");
        }
        if (context.hasProblems()) {
            throw new InvalidConfigException(context.problems());
        }
        return config;
    }

    private SentinelConfig compose(Path file, String yaml, ReadContext context) {
        Optional<Node> root = YamlComposer.compose(context, yaml);
        if (context.hasProblems()) {
            return null;
        }
        if (root.isEmpty()) {
            context.problem(1, 1, "the file is empty", "define at least dependencies: and checks:, as in config/sentinel.yaml");
            return null;
        }
        if (!(root.get() instanceof MappingNode mapping)) {
            context.problem(root.get(), "the top level must be a mapping of sections",
                    "start with server:, storage:, defaults:, dependencies:, checks:, connectivity:, alerts:, heartbeat:,"
                            + " cluster:");
            return null;
        }
        return read(file, new ConfigSection(context, mapping, ""));
    }

    private SentinelConfig read(Path file, ConfigSection root) {
        ServerConfig server = root.read("server", section -> readServer(section, root)).orElseGet(() -> readServer(null, root));
        StorageConfig storage = root.read("storage", ConfigLoader::readStorage).orElseGet(ConfigLoader::defaultStorage);
        CheckDefaults defaults = root.read("defaults", ConfigLoader::readDefaults).orElse(CheckDefaults.STANDARD);
        HeartbeatConfig heartbeat = root.read("heartbeat", HeartbeatReader::read).orElse(HeartbeatConfig.NONE);
        // channels first: checks and dependencies may name them; the rest of alerts: may name checks
        Optional<ConfigSection> alertsSection = root.section("alerts");
        ChannelReader.Channels read = ChannelReader.read(alertsSection);
        Set<String> channelIds = read.channels().stream().map(ChannelConfig::id).collect(Collectors.toCollection(LinkedHashSet::new));
        List<DependencyConfig> dependencies = new DependencyReader(channelIds).read(root.sections("dependencies"));
        List<CheckConfig> checks = ConnectivityReader.mark(root,
                new CheckReader(kinds, defaults, dependencies, channelIds).read(root.sections("checks")));
        AlertsConfig alerts = AlertsReader.read(alertsSection, read,
                checks.stream().map(CheckConfig::id).collect(Collectors.toSet()),
                dependencies.stream().map(DependencyConfig::id).collect(Collectors.toSet()));
        RoutesConfig routes = root.read("routes", RoutesReader::read).orElse(RoutesConfig.NONE);
        ClusterConfig cluster = root.read("cluster", section -> ClusterReader.read(section, storage))
                .orElse(ClusterConfig.NONE);
        if (!root.has("checks")) {
            root.problem("there are no checks", "add a checks: list, as in config/sentinel.yaml");
        }
        root.finish();
        if (server == null || storage == null || defaults == null || alerts == null) {
            return null;
        }
        return new SentinelConfig(file, server, storage, defaults, dependencies, checks, alerts, routes, heartbeat,
                cluster);
    }

    /** {@code section} is null when the file has no server:, and {@code root} is where problems then go. */
    private ServerConfig readServer(ConfigSection section, ConfigSection root) {
        int configuredPort = section == null ? ServerConfig.DEFAULT_PORT : section.intInRange("port", 1, 65_535, ServerConfig.DEFAULT_PORT);
        String host = section == null ? "0.0.0.0" : host(section);
        int threads = section == null ? ServerConfig.DEFAULT_PROBE_THREADS
                : section.intInRange("probeThreads", 1, MAX_PROBE_THREADS, ServerConfig.DEFAULT_PROBE_THREADS);
        Secret adminToken = section != null && section.has("adminToken") ? section.secret("adminToken") : adminTokenFromEnvironment();
        return new ServerConfig(host, portOverride(section, root).orElse(configuredPort), threads, adminToken);
    }

    /** The interface to listen on; one the server could never bind is refused here rather than at start. */
    private static String host(ConfigSection section) {
        String host = section.text("host", "0.0.0.0").strip();
        if (!HostNames.isValid(host)) {
            section.problem("host", "'host' is not a host name or IP address: " + ProblemText.quote(section.written("host").orElse(host)),
                    "use 0.0.0.0 (every interface), 127.0.0.1 (this machine only) or a host name");
            return "0.0.0.0";
        }
        return host;
    }

    /** Without {@code server.adminToken}, {@value #ADMIN_TOKEN_VARIABLE} is used, so the usual setup needs no YAML. */
    private Secret adminTokenFromEnvironment() {
        String token = environment.apply(ADMIN_TOKEN_VARIABLE);
        return token == null ? Secret.fromVariable("", ADMIN_TOKEN_VARIABLE) : Secret.fromVariable(token, ADMIN_TOKEN_VARIABLE);
    }

    /**
     * {@value #PORT_VARIABLE}, when set. A value that is not a port is a problem, not silently ignored; it is
     * reported at the top of the file (or at server.port), since the environment has no line numbers.
     */
    private Optional<Integer> portOverride(ConfigSection server, ConfigSection root) {
        String value = environment.apply(PORT_VARIABLE);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        if (ValueParsers.isWholeNumber(text) && text.length() <= 5) {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65_535) {
                return Optional.of(port);
            }
        }
        String message = "environment variable " + PORT_VARIABLE + " is not a port number";
        String hint = "set it to a whole number from 1 to 65535, or unset it to use server.port";
        if (server != null) {
            server.problem("port", message, hint);
        } else {
            root.problem(message, hint);
        }
        return Optional.empty();
    }

    private static StorageConfig readStorage(ConfigSection section) {
        // empty, as ${SENTINEL_DB_URL:} gives when the variable is unset: the embedded database
        String url = section.text("url").map(String::strip).filter(text -> !text.isEmpty())
                .orElse(StorageConfig.DEFAULT_URL);
        // a password written into the URL (;PASSWORD= for H2, password= for PostgreSQL) is as secret as password:
        Redactor.global().registerCredentialsIn(url);
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            // quoted as written: a URL from ${SENTINEL_DB_URL} shows as the reference, and a password written
            // into the URL itself is masked when the problem is reported
            section.problem("url", "storage url " + ProblemText.quote(section.written("url").orElse(url)) + " is neither H2 nor PostgreSQL",
                    "use jdbc:postgresql://host:5432/db or jdbc:h2:file:./data/sentinel");
            url = StorageConfig.DEFAULT_URL;
        }
        return new StorageConfig(url,
                section.text("username", url.startsWith("jdbc:h2:") ? "sa" : "postgres"),
                section.secret("password"),
                reportsDirectory(section),
                section.duration("retention", SHORTEST_RETENTION, LONGEST_RETENTION, Duration.ofDays(30)));
    }

    private static Path reportsDirectory(ConfigSection section) {
        String text = section.text("reportsDirectory", DEFAULT_REPORTS);
        try {
            return Path.of(text);
        } catch (InvalidPathException notAPath) {
            section.problem("reportsDirectory", "'reportsDirectory' is not a usable path: " + notAPath.getReason(),
                    "use a directory path, e.g. reports/monitoring");
            return Path.of(DEFAULT_REPORTS);
        }
    }

    private static StorageConfig defaultStorage() {
        return new StorageConfig(StorageConfig.DEFAULT_URL, "sa", Secret.none(), Path.of(DEFAULT_REPORTS),
                Duration.ofDays(30));
    }

    private static CheckDefaults readDefaults(ConfigSection section) {
        CheckDefaults standard = CheckDefaults.STANDARD;
        return new CheckDefaults(
                interval(section, standard.interval()),
                timeout(section, standard.timeout()),
                threshold(section, "failureThreshold", standard.failureThreshold()),
                threshold(section, "successThreshold", standard.successThreshold()));
    }

    static Duration interval(ConfigSection section, Duration fallback) {
        return section.duration("interval", CheckDefaults.SHORTEST_INTERVAL, CheckDefaults.LONGEST_INTERVAL, fallback);
    }

    static Duration timeout(ConfigSection section, Duration fallback) {
        return section.duration("timeout", CheckDefaults.SHORTEST_TIMEOUT, CheckDefaults.LONGEST_TIMEOUT, fallback);
    }

    static int threshold(ConfigSection section, String key, int fallback) {
        return section.count(key, CheckDefaults.MAX_THRESHOLD, fallback);
    }
}
