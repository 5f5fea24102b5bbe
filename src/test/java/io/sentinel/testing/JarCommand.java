package io.sentinel.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One command of the built jar ({@code java -jar target/sentinel.jar check …}) run to its end, as a CI job runs it:
 * its exit code, and stdout and stderr apart.
 *
 * @param exitCode the process's exit code
 * @param stdout   what it printed on stdout
 * @param stderr   what it printed on stderr
 */
public record JarCommand(int exitCode, String stdout, String stderr) {

    /** Runs {@code arguments} in {@code directory} with {@code environment} added to a SENTINEL_-free one. */
    public static JarCommand run(Path directory, Map<String, String> environment, Duration timeout, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-jar", DaemonProcess.jar().toString()));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile(directory, "stdout-", ".txt");
        Path err = Files.createTempFile(directory, "stderr-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SENTINEL_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("sentinel " + String.join(" ", arguments) + " did not end within " + timeout
                    + "; stderr:\n" + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new JarCommand(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
