package io.sentinel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.config.ConfigFuzzer;
import io.sentinel.testing.DaemonProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sample of the fuzz mutations through the built jar, as an operator runs it, with the JVM settings of
 * {@code bin/sentinel} (80 MiB heap, 256 KiB stacks): the exit code is the in-process verdict (0 or 2), and
 * nothing on stdout or stderr is a stack trace or a planted secret.
 */
class ConfigFuzzIT {

    /** Every 17th of the 520 mutations: 31 files of every kind, in about a minute. */
    private static final int EVERY = 17;
    private static final List<String> JVM = List.of("-Xmx80m", "-XX:+UseSerialGC", "-Xss256k", "-XX:TieredStopAtLevel=1");

    @TempDir
    Path directory;

    /** The in-process verdict each process must agree with, in a class loader of its own (see there why). */
    private final IsolatedSentinel sentinel = new IsolatedSentinel();

    @AfterEach
    void close() throws IOException {
        sentinel.close();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void validateInItsOwnProcessExitsWithTheVerdictAndPrintsNoStackTraceOrSecret() throws Exception {
        List<ConfigFuzzer.Mutation> sample = new ConfigFuzzer(ConfigFuzzTest.SEED).mutations(ConfigFuzzTest.MUTATIONS).stream()
                .filter(mutation -> mutation.index() % EVERY == 0).toList();
        List<String> failures = new ArrayList<>();
        int refused = 0;

        for (ConfigFuzzer.Mutation mutation : sample) {
            Path file = directory.resolve("sentinel-" + mutation.index() + ".yaml");
            Files.write(file, mutation.bytes());
            int expected = Boolean.TRUE.equals(sentinel.check(file, ConfigFuzzer.PLANTED_ENVIRONMENT).get("loaded"))
                    ? Sentinel.OK : Sentinel.INVALID;
            refused += expected == Sentinel.INVALID ? 1 : 0;

            Process process = validate(file);
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                failures.add(mutation + ": validate did not finish");
                continue;
            }
            if (process.exitValue() != expected) {
                failures.add(mutation + ": exit " + process.exitValue() + ", expected " + expected + "\n" + output);
            }
            if (output.contains("Exception") || output.contains("\tat ") || output.contains("Error")) {
                failures.add(mutation + ": printed a stack trace or error\n" + output);
            }
            ConfigFuzzer.secretForms().stream().filter(output::contains)
                    .forEach(secret -> failures.add(mutation + ": printed a planted secret"));
        }

        assertThat(failures).isEmpty();
        assertThat(refused).as("the sample holds refused files").isGreaterThan(sample.size() / 2);
    }

    private Process validate(Path file) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM);
        command.addAll(List.of("-jar", DaemonProcess.jar().toString(), "validate", "--config", file.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("SENTINEL_"));
        environment.putAll(ConfigFuzzer.PLANTED_ENVIRONMENT);
        return builder.start();
    }
}
