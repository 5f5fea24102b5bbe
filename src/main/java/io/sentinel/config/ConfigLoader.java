package io.sentinel.config;

import io.sentinel.secret.Redactor;
import io.sentinel.secret.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
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
        try {
            return parse(file, Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException missing) {
            throw new InvalidConfigException(List.of(new ConfigProblem(file, 1, 1, "the file does not exist",
                    "create it, or point --config (or SENTINEL_CONFIG) at an existing file")));
        } catch (IOException unreadable) {
            throw new InvalidConfigException(List.of(new ConfigProblem(file, 1, 1,
                    "the file cannot be read: " + unreadable.getMessage(), "check its permissions")));
        }
    }

    /** Parses configuration text; {@code file} is used only to name the source in problems. */
    public SentinelConfig parse(Path file, String yaml) throws InvalidConfigException {
        ReadContext context = new ReadContext(file, new EnvInterpolator(environment));
        Optional<Node> root = compose(context, yaml);
        if (context.hasProblems()) {
            throw new InvalidConfigException(context.problems());
        }
        if (root.isEmpty()) {
            throw new InvalidConfigException(List.of(new ConfigProblem(file, 1, 1, "the file is empty",
                    "define at least dependencies: and checks:, see config/examples/")));
        }
        if (!(root.get() instanceof MappingNode mapping)) {
            context.problem(root.get(), "the top level must be a mapping of sections",
                    "start with server:, storage:, defaults:, dependencies:, checks:, alerts:");
            throw new InvalidConfigException(context.problems());
        }
        SentinelConfig config = read(file, new ConfigSection(context, mapping, ""));
        if (context.hasProblems()) {
            throw new InvalidConfigException(context.problems());
        }
        return config;
    }

    private static Optional<Node> compose(ReadContext context, String yaml) {
        LoadSettings settings = LoadSettings.builder().setLabel(context.file().toString()).setAllowDuplicateKeys(true).build();
        try {
            return new Compose(settings).composeString(yaml);
        } catch (MarkedYamlEngineException syntax) {
            String problem = syntax.getProblem() == null ? "invalid YAML" : syntax.getProblem();
            context.problem(syntax.getProblemMark().or(syntax::getContextMark),
                    "YAML syntax error: " + problem,
                    "check the indentation and quoting on this line and the one before");
            return Optional.empty();
        } catch (YamlEngineException syntax) {
            context.problem(Optional.empty(), "YAML syntax error: " + syntax.getMessage(), "fix the YAML syntax");
            return Optional.empty();
        }
    }

    private SentinelConfig read(Path file, ConfigSection root) {
        ServerConfig server = root.read("server", this::readServer).orElseGet(() -> readServer(null));
        StorageConfig storage = root.read("storage", ConfigLoader::readStorage).orElseGet(ConfigLoader::defaultStorage);
        CheckDefaults defaults = root.read("defaults", ConfigLoader::readDefaults).orElse(CheckDefaults.STANDARD);
        // channels first: checks and dependencies may name them; the rest of alerts: may name checks
        Optional<ConfigSection> alertsSection = root.section("alerts");
        List<ChannelConfig> channels = ChannelReader.read(alertsSection);
        Set<String> channelIds = channels.stream().map(ChannelConfig::id).collect(Collectors.toCollection(LinkedHashSet::new));
        List<DependencyConfig> dependencies = new DependencyReader(channelIds).read(root.sections("dependencies"));
        List<CheckConfig> checks = new CheckReader(kinds, defaults, dependencies, channelIds).read(root.sections("checks"));
        AlertsConfig alerts = AlertsReader.read(alertsSection, channels,
                checks.stream().map(CheckConfig::id).collect(Collectors.toSet()),
                dependencies.stream().map(DependencyConfig::id).collect(Collectors.toSet()));
        if (!root.has("checks")) {
            root.problem("there are no checks", "add a checks: list, see config/examples/");
        }
        root.finish();
        if (server == null || storage == null || defaults == null || alerts == null) {
            return null;
        }
        return new SentinelConfig(file, server, storage, defaults, dependencies, checks, alerts);
    }

    private ServerConfig readServer(ConfigSection section) {
        int configuredPort = section == null ? ServerConfig.DEFAULT_PORT : section.intInRange("port", 0, 65_535, ServerConfig.DEFAULT_PORT);
        String host = section == null ? "0.0.0.0" : section.text("host", "0.0.0.0");
        int threads = section == null ? ServerConfig.DEFAULT_PROBE_THREADS
                : section.intInRange("probeThreads", 1, 512, ServerConfig.DEFAULT_PROBE_THREADS);
        Secret adminToken = section != null && section.has("adminToken") ? section.secret("adminToken") : adminTokenFromEnvironment();
        return new ServerConfig(host, portOverride().orElse(configuredPort), threads, adminToken);
    }

    /** Without {@code server.adminToken}, {@value #ADMIN_TOKEN_VARIABLE} is used, so the usual setup needs no YAML. */
    private Secret adminTokenFromEnvironment() {
        String token = environment.apply(ADMIN_TOKEN_VARIABLE);
        return token == null ? Secret.fromVariable("", ADMIN_TOKEN_VARIABLE) : Secret.fromVariable(token, ADMIN_TOKEN_VARIABLE);
    }

    private Optional<Integer> portOverride() {
        String value = environment.apply(PORT_VARIABLE);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            int port = Integer.parseInt(value.strip());
            return port >= 0 && port <= 65_535 ? Optional.of(port) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static StorageConfig readStorage(ConfigSection section) {
        String url = section.text("url", StorageConfig.DEFAULT_URL).strip();
        // a password written into the URL (;PASSWORD= for H2, password= for PostgreSQL) is as secret as password:
        Redactor.global().registerCredentialsIn(url);
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            section.problem("url", "storage url '" + url + "' is neither H2 nor PostgreSQL",
                    "use jdbc:postgresql://host:5432/db or jdbc:h2:file:./data/sentinel");
            url = StorageConfig.DEFAULT_URL;
        }
        return new StorageConfig(url,
                section.text("username", url.startsWith("jdbc:h2:") ? "sa" : "postgres"),
                section.secret("password"),
                Path.of(section.text("reportsDirectory", "reports/monitoring")),
                section.durationAtLeast("retention", Duration.ofHours(1), Duration.ofDays(30)));
    }

    private static StorageConfig defaultStorage() {
        return new StorageConfig(StorageConfig.DEFAULT_URL, "sa", Secret.none(), Path.of("reports/monitoring"),
                Duration.ofDays(30));
    }

    private static CheckDefaults readDefaults(ConfigSection section) {
        CheckDefaults standard = CheckDefaults.STANDARD;
        return new CheckDefaults(
                positiveDuration(section, "interval", standard.interval()),
                positiveDuration(section, "timeout", standard.timeout()),
                section.positiveInt("failureThreshold", standard.failureThreshold()),
                section.positiveInt("successThreshold", standard.successThreshold()));
    }

    static Duration positiveDuration(ConfigSection section, String key, Duration fallback) {
        return section.durationAtLeast(key, Duration.ofMillis(1), fallback);
    }
}
