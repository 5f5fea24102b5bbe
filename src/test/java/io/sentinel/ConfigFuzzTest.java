package io.sentinel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.breaker.Breakers;
import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckIndex;
import io.sentinel.config.CheckKinds;
import io.sentinel.config.ConfigFuzzer;
import io.sentinel.config.ConfigLoader;
import io.sentinel.config.ConfigProblem;
import io.sentinel.config.InvalidConfigException;
import io.sentinel.config.SentinelConfig;
import io.sentinel.daemon.BuiltInKinds;
import io.sentinel.probe.ProbeSchedule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 520 mutations of real configuration files, each loaded as {@code run} loads it and checked with
 * {@code validate}: the outcome is a configuration or problems in {@code file:line:column: } shape, nothing
 * escapes, no planted secret is printed, and {@code validate} accepts exactly what {@code run} can build
 * its parts from. Slow mutations are counted, not failed: the machine is shared.
 */
class ConfigFuzzTest {

    static final long SEED = 20_260_109L;
    static final int MUTATIONS = 520;
    /** Generous: a 1 MiB file is the slowest case and takes a few seconds on a loaded two-core machine. */
    static final Duration SLOW = Duration.ofSeconds(5);

    private static final Map<String, String> ENVIRONMENT = ConfigFuzzer.PLANTED_ENVIRONMENT;

    @TempDir
    Path directory;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void everyMutationIsAConfigurationOrPositionedProblemsAndValidateAgreesWithRun() throws IOException {
        List<ConfigFuzzer.Mutation> mutations = new ConfigFuzzer(SEED).mutations(MUTATIONS);
        List<String> failures = new ArrayList<>();
        List<String> secretForms = ConfigFuzzer.secretForms();
        CheckKinds kinds = BuiltInKinds.index();
        int valid = 0;
        int slow = 0;
        Duration slowest = Duration.ZERO;
        ConfigFuzzer.Mutation slowestMutation = null;

        for (ConfigFuzzer.Mutation mutation : mutations) {
            Path file = directory.resolve("sentinel-" + mutation.index() + ".yaml");
            Files.write(file, mutation.bytes());
            long started = System.nanoTime();

            Outcome loaded = load(kinds, file);
            Validation validation = validate(file);

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (took.compareTo(SLOW) > 0) {
                slow++;
            }
            if (took.compareTo(slowest) > 0) {
                slowest = took;
                slowestMutation = mutation;
            }
            failures.addAll(check(mutation, file, loaded, validation, secretForms));
            if (loaded.config() != null) {
                valid++;
            }
            Files.delete(file);
        }

        System.out.printf("config fuzz: seed %d, %d mutations, %d valid, %d refused, %d slower than %s, slowest %d ms (%s)%n",
                SEED, mutations.size(), valid, mutations.size() - valid, slow, SLOW, slowest.toMillis(), slowestMutation);
        assertThat(failures).as("mutations handled badly (replay with seed %d)", SEED).isEmpty();
        assertThat(valid).as("some mutations stay valid, so both verdicts are exercised").isPositive();
        assertThat(mutations.size() - valid).as("most mutations break the file").isGreaterThan(MUTATIONS / 2);
    }

    /** What {@code run} gets from the loader: a configuration, problems, or something that escaped. */
    record Outcome(SentinelConfig config, List<ConfigProblem> problems, Throwable escaped) {
    }

    record Validation(int exitCode, String stdout, String stderr) {
    }

    private static Outcome load(CheckKinds kinds, Path file) {
        try {
            return new Outcome(new ConfigLoader(kinds, ENVIRONMENT::get).load(file), List.of(), null);
        } catch (InvalidConfigException invalid) {
            return new Outcome(null, invalid.problems(), null);
        } catch (Throwable escaped) {
            return new Outcome(null, List.of(), escaped);
        }
    }

    private static Validation validate(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            code = Sentinel.run(new String[] {"validate", "--config", file.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                    ENVIRONMENT::get);
        } catch (Throwable escaped) {
            return new Validation(-1, "", escaped.toString());
        }
        return new Validation(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> check(ConfigFuzzer.Mutation mutation, Path file, Outcome loaded, Validation validation,
                                      List<String> secretForms) {
        List<String> failures = new ArrayList<>();
        if (loaded.escaped() != null) {
            failures.add(mutation + ": loading threw " + loaded.escaped());
        }
        Pattern shape = Pattern.compile(Pattern.quote(file.toString()) + ":\\d+:\\d+: \\S.*");
        for (ConfigProblem problem : loaded.problems()) {
            String line = problem.format();
            if (!shape.matcher(line).matches()) {
                failures.add(mutation + ": problem not in file:line:column shape: " + line);
            }
            if (line.contains(ConfigLoader.INTERNAL_ERROR)) {
                failures.add(mutation + ": a reader failed: " + line);
            }
            if (line.contains("permission")) {
                failures.add(mutation + ": a readable file blamed on permissions: " + line);
            }
        }
        String printed = validation.stdout() + validation.stderr() + String.join("\n",
                loaded.problems().stream().map(ConfigProblem::format).toList());
        for (String form : secretForms) {
            if (printed.contains(form)) {
                failures.add(mutation + ": a planted secret is printed (" + form + ")");
            }
        }
        if (printed.contains("Exception") || printed.contains("\tat ") || printed.contains("Error:")) {
            failures.add(mutation + ": a stack trace or exception is printed");
        }
        int expectedCode = loaded.config() != null ? Sentinel.OK : Sentinel.INVALID;
        if (validation.exitCode() != expectedCode) {
            failures.add(mutation + ": validate exited " + validation.exitCode() + " but loading for run "
                    + (loaded.config() != null ? "succeeded" : "failed"));
        }
        if (loaded.config() != null) {
            preparationFailure(loaded.config()).ifPresent(why ->
                    failures.add(mutation + ": validate accepted what run cannot build: " + why));
        }
        return failures;
    }

    /**
     * What {@code run} computes from the configuration before anything listens or connects: the check
     * index, a breaker per dependency, the probe schedule, route parameters in milliseconds, and the times
     * retention and reminders reach. Whatever overflows here would stop a start that validate allowed.
     */
    private static java.util.Optional<String> preparationFailure(SentinelConfig config) {
        try {
            CheckIndex index = new CheckIndex(config);
            new Breakers(config.dependencies(), Clock.systemUTC());
            Map<String, Duration> delays = ProbeSchedule.initialDelays(config.checks());
            CheckKinds kinds = BuiltInKinds.index();
            Instant now = Instant.now();
            for (CheckConfig check : config.checks()) {
                index.check(check.id());
                kinds.get(check.kind()).routeTemplate();
                Math.addExact(check.interval().toMillis(), delays.get(check.id()).toMillis());
                now.plus(check.timeout());
                check.latencyLimit().ifPresent(Duration::toMillis);
            }
            now.minus(config.storage().retention());
            now.plus(config.alerts().reminderInterval());
            config.dependencies().forEach(dependency -> {
                now.plus(dependency.breaker().waitInOpen());
                dependency.breaker().slowCall().toNanos();
            });
            return java.util.Optional.empty();
        } catch (RuntimeException failure) {
            return java.util.Optional.of(failure.toString());
        }
    }
}
