package io.sentinel.config;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sentinel.daemon.BuiltInKinds;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Loads configuration text the way the daemon does, with an environment the test chooses. */
final class ConfigTexts {

    static final Path FILE = Path.of("sentinel.yaml");

    /** One dependency and one http check: each test adds or replaces what it is about. */
    static final String MINIMAL = """
            dependencies:
              - id: api
            checks:
              - id: home
                dependency: api
                kind: http
                url: https://api.example.com/health
            """;

    private ConfigTexts() {
    }

    static SentinelConfig load(String yaml, Map<String, String> environment) throws InvalidConfigException {
        return new ConfigLoader(BuiltInKinds.index(), environment::get).parse(FILE, yaml);
    }

    /** Every problem, formatted as the operator sees it; fails the test when the text is valid. */
    static List<String> problems(String yaml, Map<String, String> environment) {
        InvalidConfigException invalid = catchThrowableOfType(InvalidConfigException.class, () -> load(yaml, environment));
        if (invalid == null) {
            throw new AssertionError("expected problems, but the configuration is valid:\n" + yaml);
        }
        return invalid.problems().stream().map(ConfigProblem::format).toList();
    }

    static List<String> problems(String yaml) {
        return problems(yaml, Map.of());
    }
}
