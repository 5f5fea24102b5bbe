package io.sentinel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.cli.ReportCommand;
import io.sentinel.config.ConfigLoader;
import io.sentinel.config.SentinelConfig;
import io.sentinel.daemon.BuiltInKinds;
import io.sentinel.json.Json;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.ProbeResult;
import io.sentinel.store.Database;
import io.sentinel.store.ResultStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sentinel report}: exit codes, usage on a wrong argument, and the report read from the store itself. */
class ReportCommandTest {

    private static final String CONFIG = """
            dependencies:
              - id: supabase-db
            checks:
              - {id: db-ping, dependency: supabase-db, kind: http, url: "https://db.example/health"}
            """;

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path config;

    @BeforeEach
    void writeConfig() throws Exception {
        config = directory.resolve("sentinel.yaml");
        Files.writeString(config, CONFIG);
    }

    @AfterEach
    void forgetTheLogSettings() {
        System.clearProperty("sentinel.log.target");
        System.clearProperty("SENTINEL_LOG_LEVEL");
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        assertThat(report("--help")).isZero();
        assertThat(stdout()).isEqualTo(ReportCommand.USAGE);
        assertThat(stderr()).isEmpty();
    }

    @Test
    void aWrongArgumentPrintsWhatIsWrongAndTheUsageAndExitsTwo() {
        assertUsageError(report("--bogus"), "sentinel report: unknown argument '--bogus'");
        assertUsageError(report("--since"), "sentinel report: --since needs a value");
        assertUsageError(report("--since", "yesterday"), "sentinel report: since must be an ISO-8601 instant");
        assertUsageError(report("--since=40d"), "sentinel report: since reaches too far back");
        assertUsageError(report("--since", "2999-01-01T00:00:00Z"), "sentinel report: since is in the future");
        assertUsageError(report("--format", "xml"), "sentinel report: --format must be md or json");
        assertUsageError(report("--since", "0s"), "sentinel report: --since must be before now");
    }

    @Test
    void anInvalidConfigurationExitsTwoWithItsProblems() throws Exception {
        Files.writeString(config, CONFIG.replace("kind: http", "kind: htp"));

        assertThat(report("--config", config.toString(), "--data", directory.resolve("data").toString())).isEqualTo(2);
        assertThat(stderr()).contains("sentinel.yaml:4:").contains("no report was made");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void aDataDirectoryWithoutDatabaseExitsOneInsteadOfReportingAQuietDay() {
        assertThat(report("--config", config.toString(), "--data", directory.resolve("empty").toString())).isEqualTo(1);
        assertThat(stderr()).contains("sentinel report: cannot open the database jdbc:h2:file:");
        assertThat(stdout()).isEmpty();
        assertThat(directory.resolve("empty/sentinel.mv.db")).doesNotExist();
    }

    @Test
    void theReportIsReadFromTheStoreInMarkdownOrJson() throws Exception {
        Path data = directory.resolve("data");
        storeResults(data);

        assertThat(report("--config", config.toString(), "--data", data.toString(), "--since", "1h")).isZero();
        assertThat(stdout()).startsWith("# Sentinel diagnostics: ")
                .contains("| db-ping | 50.00% | 2 | 1 | 0 | 1 | 1 | 0 | 12ms | 12ms |")
                .contains("| TIMEOUT | no answer within {n} s | 1 | db-ping |");

        out.reset();
        assertThat(report("--config=" + config, "--data=" + data, "--format", "json")).isZero();
        var json = Json.mapper().readTree(stdout());
        assertThat(json.path("checks").get(0).path("observations").asLong()).isEqualTo(2);
        assertThat(json.path("failures").get(0).path("failureClass").asText()).isEqualTo("TIMEOUT");
    }

    private void storeResults(Path data) throws Exception {
        SentinelConfig parsed = new ConfigLoader(BuiltInKinds.index(), Map.<String, String>of()::get).load(config);
        Instant recently = Instant.now().minus(Duration.ofMinutes(10));
        try (Database database = Database.open(parsed.storage().locatedIn(data))) {
            ResultStore results = new ResultStore(database, data.resolve("spool"));
            results.append(ProbeResult.of("db-ping", "supabase-db", recently).latency(Duration.ofMillis(12))
                    .httpStatus(200).up("ok"));
            results.append(ProbeResult.of("db-ping", "supabase-db", recently.plusSeconds(60))
                    .latency(Duration.ofSeconds(5)).down(FailureClass.TIMEOUT, "no answer within 5 s"));
            results.append(ProbeResult.of("db-ping", "supabase-db", recently.plusSeconds(120)).skipped("maintenance"));
            assertThat(results.flush(Duration.ofSeconds(30))).isTrue();
            results.close();
        }
    }

    private void assertUsageError(int code, String message) {
        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains(message).contains("Usage: java -jar sentinel.jar report");
        assertThat(stdout()).isEmpty();
        err.reset();
    }

    private int report(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "report";
        System.arraycopy(args, 0, command, 1, args.length);
        return Sentinel.run(command, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.<String, String>of()::get);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
