package io.sentinel.cli;

import io.sentinel.config.ConfigLoader;
import io.sentinel.config.InvalidConfigException;
import io.sentinel.config.SentinelConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/** Finds the configuration: the named file, else {@code config/sentinel.yaml}, else the built-in one. */
public final class ConfigSource {

    public static final Path DEFAULT_FILE = Path.of("config", "sentinel.yaml");
    static final String EMBEDDED = "/embedded/config/sentinel.yaml";

    private ConfigSource() {
    }

    public static SentinelConfig load(CommandLine commandLine, ConfigLoader loader, Function<String, String> environment)
            throws InvalidConfigException {
        Optional<Path> file = file(commandLine, environment);
        return file.isPresent() ? loader.load(file.get()) : loader.parse(Path.of("(built-in) config/sentinel.yaml"), embedded());
    }

    /** The configuration file in use, or empty when the built-in configuration is. */
    public static Optional<Path> file(CommandLine commandLine, Function<String, String> environment) {
        String named = commandLine.config().orElse(environment.apply("SENTINEL_CONFIG"));
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named));
        }
        return Files.isRegularFile(DEFAULT_FILE) ? Optional.of(DEFAULT_FILE) : Optional.empty();
    }

    private static String embedded() {
        try (InputStream in = ConfigSource.class.getResourceAsStream(EMBEDDED)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no built-in configuration at " + EMBEDDED);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot read the built-in configuration", unreadable);
        }
    }
}
