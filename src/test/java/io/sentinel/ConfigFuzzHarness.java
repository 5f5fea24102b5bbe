package io.sentinel;

import io.sentinel.breaker.Breakers;
import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckIndex;
import io.sentinel.config.CheckKinds;
import io.sentinel.config.ConfigLoader;
import io.sentinel.config.ConfigProblem;
import io.sentinel.config.InvalidConfigException;
import io.sentinel.config.SentinelConfig;
import io.sentinel.daemon.BuiltInKinds;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One configuration file, loaded as {@code run} loads it and checked with {@code validate}. Runs inside
 * {@link IsolatedSentinel}'s class loader and answers in JDK types only, which both loaders share.
 */
public final class ConfigFuzzHarness {

    private ConfigFuzzHarness() {
    }

    /**
     * @return {@code loaded} (Boolean), {@code problems} (List of String), {@code escaped} (String or null),
     *         {@code exitCode} (Integer), {@code stdout}, {@code stderr} and {@code preparationFailure}
     *         (String or null)
     */
    public static Map<String, Object> check(String path, Map<String, String> environment) {
        Path file = Path.of(path);
        Map<String, Object> outcome = new HashMap<>();
        CheckKinds kinds = BuiltInKinds.index();
        SentinelConfig config = null;
        outcome.put("problems", List.of());
        try {
            config = new ConfigLoader(kinds, environment::get).load(file);
        } catch (InvalidConfigException invalid) {
            outcome.put("problems", invalid.problems().stream().map(ConfigProblem::format).toList());
        } catch (Throwable escaped) {
            outcome.put("escaped", escaped.toString());
        }
        outcome.put("loaded", config != null);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            code = Sentinel.run(new String[] {"validate", "--config", path},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                    environment::get);
        } catch (Throwable escaped) {
            code = -1;
            outcome.put("escaped", "validate threw " + escaped);
        }
        outcome.put("exitCode", code);
        outcome.put("stdout", out.toString(StandardCharsets.UTF_8));
        outcome.put("stderr", err.toString(StandardCharsets.UTF_8));
        if (config != null) {
            outcome.put("preparationFailure", preparationFailure(config, kinds));
        }
        return outcome;
    }

    /**
     * What {@code run} computes from the configuration before anything listens or connects: the check
     * index, a breaker per dependency, the probe schedule, route parameters in milliseconds, and the instants
     * retention, reminders and breaker waits reach. Whatever overflows here would stop a start that
     * {@code validate} allowed.
     */
    private static String preparationFailure(SentinelConfig config, CheckKinds kinds) {
        try {
            CheckIndex index = new CheckIndex(config);
            new Breakers(config.dependencies(), Clock.systemUTC());
            Instant now = Instant.now();
            for (CheckConfig check : config.checks()) {
                index.check(check.id()).orElseThrow();
                kinds.get(check.kind());
                Math.addExact(check.interval().toNanos(), System.nanoTime());
                now.plus(check.timeout());
                check.latencyLimit().ifPresent(Duration::toMillis);
            }
            now.minus(config.storage().retention());
            now.plus(config.alerts().reminderInterval());
            config.dependencies().forEach(dependency -> {
                now.plus(dependency.breaker().waitInOpen());
                dependency.breaker().slowCall().toNanos();
            });
            return null;
        } catch (RuntimeException failure) {
            return failure.toString();
        }
    }
}
