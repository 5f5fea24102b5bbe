package io.sentinel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.config.ConfigFuzzer;
import io.sentinel.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    @TempDir
    Path directory;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void everyMutationIsAConfigurationOrPositionedProblemsAndValidateAgreesWithRun() throws Exception {
        List<ConfigFuzzer.Mutation> mutations = new ConfigFuzzer(SEED).mutations(MUTATIONS);
        List<String> failures = new ArrayList<>();
        int valid = 0;
        int slow = 0;
        Duration slowest = Duration.ZERO;
        ConfigFuzzer.Mutation slowestMutation = null;

        try (IsolatedSentinel sentinel = new IsolatedSentinel()) {
            for (ConfigFuzzer.Mutation mutation : mutations) {
                Path file = directory.resolve("sentinel-" + mutation.index() + ".yaml");
                Files.write(file, mutation.bytes());
                long started = System.nanoTime();

                Map<String, Object> outcome = sentinel.check(file, ConfigFuzzer.PLANTED_ENVIRONMENT);

                Duration took = Duration.ofNanos(System.nanoTime() - started);
                slow += took.compareTo(SLOW) > 0 ? 1 : 0;
                if (took.compareTo(slowest) > 0) {
                    slowest = took;
                    slowestMutation = mutation;
                }
                failures.addAll(check(mutation, file, outcome));
                valid += Boolean.TRUE.equals(outcome.get("loaded")) ? 1 : 0;
                Files.delete(file);
            }
        }

        System.out.printf("config fuzz: seed %d, %d mutations, %d valid, %d refused, %d slower than %s, slowest %d ms (%s)%n",
                SEED, mutations.size(), valid, mutations.size() - valid, slow, SLOW, slowest.toMillis(), slowestMutation);
        assertThat(failures).as("mutations handled badly (replay with seed %d)", SEED).isEmpty();
        assertThat(valid).as("some mutations stay valid, so both verdicts are exercised").isPositive();
        assertThat(mutations.size() - valid).as("most mutations break the file").isGreaterThan(MUTATIONS / 2);
    }

    @SuppressWarnings("unchecked")
    private static List<String> check(ConfigFuzzer.Mutation mutation, Path file, Map<String, Object> outcome) {
        List<String> failures = new ArrayList<>();
        boolean loaded = Boolean.TRUE.equals(outcome.get("loaded"));
        List<String> problems = (List<String>) outcome.get("problems");
        if (outcome.get("escaped") != null) {
            failures.add(mutation + ": thrown: " + outcome.get("escaped"));
        }
        Pattern shape = Pattern.compile(Pattern.quote(file.toString()) + ":\\d+:\\d+: \\S.*");
        for (String problem : problems) {
            if (!shape.matcher(problem).matches()) {
                failures.add(mutation + ": problem not in file:line:column shape: " + problem);
            }
            if (problem.contains(ConfigLoader.INTERNAL_ERROR)) {
                failures.add(mutation + ": a reader failed: " + problem);
            }
            if (problem.contains("permission")) {
                failures.add(mutation + ": a readable file blamed on permissions: " + problem);
            }
        }
        String printed = outcome.get("stdout") + "\n" + outcome.get("stderr") + "\n" + String.join("\n", problems);
        for (String form : ConfigFuzzer.secretForms()) {
            if (printed.contains(form)) {
                failures.add(mutation + ": a planted secret is printed (" + form + ")");
            }
        }
        if (printed.contains("Exception") || printed.contains("\tat ") || printed.contains("Error:")) {
            failures.add(mutation + ": a stack trace or exception is printed");
        }
        int expectedCode = loaded ? Sentinel.OK : Sentinel.INVALID;
        if (!Integer.valueOf(expectedCode).equals(outcome.get("exitCode"))) {
            failures.add(mutation + ": validate exited " + outcome.get("exitCode") + " [" + outcome.get("stderr") + "] but loading for run "
                    + (loaded ? "succeeded" : "failed"));
        }
        if (outcome.get("preparationFailure") != null) {
            failures.add(mutation + ": validate accepted what run cannot build: " + outcome.get("preparationFailure"));
        }
        return failures;
    }
}
