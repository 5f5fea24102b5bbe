package io.sentinel.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code chromium} run headless against a page, as a real browser: its script runs, the page's
 * Content-Security-Policy applies, and what it rendered comes back as the DOM or a screenshot. Each run gets a
 * fresh profile and nothing in the background (no updates, sync or QUIC) that could reach past the machine.
 */
public final class HeadlessChromium {

    public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 120;

    private final Path scratch;

    private HeadlessChromium(Path scratch) {
        this.scratch = scratch;
    }

    /**
     * The browser, or the test skipped with the reason when it is not installed; in CI ({@code CI=true}) a missing
     * browser fails the test instead, since .ci/run installs it and a skipped browser test proves nothing.
     */
    public static HeadlessChromium require(Path scratch) {
        if (!Files.isExecutable(EXECUTABLE)) {
            String reason = EXECUTABLE + " is missing: install Debian's chromium package (apt-get install -y chromium) "
                    + "to run the browser test";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(reason + "; CI=true, so this is a failure, not a skip");
            }
            Assumptions.abort(reason);
        }
        return new HeadlessChromium(scratch);
    }

    /**
     * What the page's DOM is after its script has run for {@code budgetMillis} of virtual time (network answers
     * arrive within it); {@link Result#log()} has the browser's console, CSP refusals included.
     */
    public Result dumpDom(String url, int budgetMillis) throws IOException, InterruptedException {
        return run(List.of("--virtual-time-budget=" + budgetMillis, "--window-size=1280,1000", "--dump-dom", url));
    }

    /** A PNG of the page at {@code width}×{@code height} after {@code budgetMillis} of virtual time. */
    public Result screenshot(String url, Path png, int width, int height, int budgetMillis) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        return run(List.of("--virtual-time-budget=" + budgetMillis, "--window-size=" + width + "," + height,
                "--hide-scrollbars", "--screenshot=" + png.toAbsolutePath(), url));
    }

    /**
     * One run of the browser.
     *
     * @param exitCode the browser's exit code
     * @param output   stdout (the DOM for --dump-dom)
     * @param log      stderr, with the console messages
     */
    public record Result(int exitCode, String output, String log) {
    }

    private Result run(List<String> arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(scratch, "chromium-profile-");
        List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--enable-logging=stderr", "--v=0", "--user-data-dir=" + profile));
        command.addAll(arguments);
        Path out = Files.createTempFile(scratch, "chromium-", ".out");
        Path err = Files.createTempFile(scratch, "chromium-", ".err");
        Process browser = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!browser.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            browser.destroyForcibly().waitFor();
            throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
        }
        return new Result(browser.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
