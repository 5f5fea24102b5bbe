package io.sentinel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.cli.CommandLine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@code --help} on every command prints to stdout with exit 0; wrong arguments print usage to stderr, exit 2. */
class CommandLineUsageTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @ParameterizedTest
    @ValueSource(strings = {"run", "validate", "check"})
    void everyCommandHasItsOwnHelpOnStdout(String command) {
        assertThat(run(command, "--help")).isZero();

        assertThat(stdout()).startsWith("Usage: sentinel " + command);
        assertThat(stderr()).isEmpty();
    }

    @Test
    void helpBeforeTheCommandAndTheHelpWordWorkToo() {
        assertThat(run("help", "check")).isZero();
        assertThat(stdout()).startsWith("Usage: sentinel check");
    }

    @Test
    void helpWithoutACommandListsTheCommands() {
        assertThat(run("-h")).isZero();

        assertThat(stdout()).contains("run ", "validate ", "check ", "--version");
    }

    @Test
    void helpIsGivenEvenWhenTheConfigurationWouldNotLoad() {
        assertThat(run("check", "--config", "/nonexistent/sentinel.yaml", "--help")).isZero();
    }

    @Test
    void versionIsPrintedOnStdout() {
        assertThat(run("--version")).isZero();

        // outside the jar there is no manifest: the text says so instead of inventing a number
        assertThat(stdout()).startsWith("sentinel ");
    }

    @Test
    void anUnknownArgumentIsAUsageErrorOnStderr() {
        assertThat(run("check", "--formta", "json")).isEqualTo(2);

        assertThat(stdout()).isEmpty();
        assertThat(stderr()).startsWith("sentinel: unknown argument '--formta'").contains("Usage: sentinel check");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        assertThat(run("check", "--format", "xml")).isEqualTo(2);

        assertThat(stderr()).contains("--format must be table, json or junit, got 'xml'");
    }

    @Test
    void checkOptionsOutsideCheckAreRefused() {
        assertThat(run("validate", "--only", "hunter-account")).isEqualTo(2);

        assertThat(stderr()).contains("belong to the check command").contains("Usage: sentinel validate");
    }

    @Test
    void checkRefusesTheDaemonsDirectories() {
        assertThat(run("check", "--data", "data")).isEqualTo(2);

        assertThat(stderr()).contains("check uses neither --routes nor --data");
    }

    @Test
    void aMissingValueAndAnOptionGivenTwiceAreUsageErrors() {
        assertThat(run("--config")).isEqualTo(2);
        assertThat(stderr()).contains("--config needs a value");
        assertThat(run("--config", "a.yaml", "--config=b.yaml")).isEqualTo(2);
        assertThat(stderr()).contains("--config is given twice");
        assertThat(run("run", "check")).isEqualTo(2);
        assertThat(stderr()).contains("two commands given: run and check");
    }

    @Test
    void idsMayBeSpacedCommaSeparatedOrRepeated() {
        CommandLine line = CommandLine.parse(List.of("check", "--only", "a", "b,c", "--only=d", "--dependency", "hunter",
                "--format=junit"));

        assertThat(line.command()).isEqualTo(CommandLine.Command.CHECK);
        assertThat(line.only()).containsExactly("a", "b", "c", "d");
        assertThat(line.dependencies()).containsExactly("hunter");
        assertThat(line.format()).isEqualTo(CommandLine.ReportFormat.JUNIT);
    }

    @Test
    void noCommandMeansRun() {
        CommandLine line = CommandLine.parse(List.of("--config", "x.yaml"));

        assertThat(line.command()).isEqualTo(CommandLine.Command.RUN);
        assertThat(line.named()).isEmpty();
        assertThat(line.config()).hasValue("x.yaml");
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return Sentinel.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), name -> null);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
