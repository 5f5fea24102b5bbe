package io.sentinel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sentinel validate}: every kind of mistake is named with file, line, column and a fix, exit code 2. */
class ValidateCommandTest {

    private static final String VALID = """
            dependencies:
              - id: google-places
                description: Places API (New)
            checks:
              - id: places-search
                dependency: google-places
                kind: http
                url: https://places.example.com/v1/places:searchText
                interval: 5m
            """;

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Map<String, String> environment = Map.of();

    @Test
    void aValidConfigurationPassesWithExitCodeZero() throws IOException {
        assertThat(validate(VALID)).isZero();
        assertThat(stdout()).contains("valid (1 checks, 1 dependencies)");
    }

    @Test
    void brokenRoutesAreReportedWithFileAndLineAndExitTwo() throws IOException {
        Path routes = Files.createDirectories(directory.resolve("routes"));
        Files.writeString(routes.resolve("mine.yaml"), """
                - route:
                    id: mine
                    from:
                      uri: timer:mine
                      steps:
                        - to: direct:nowhere
                """);
        Path file = directory.resolve("sentinel.yaml");
        Files.writeString(file, VALID);

        int code = Sentinel.run(new String[] {"validate", "--config", file.toString(), "--routes", routes.toString()},
                print(out), print(err), environment::get);

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains(routes.resolve("mine.yaml") + ":6: nothing consumes direct:nowhere",
                "1 problem(s) in the routes; nothing was started.");
    }

    @Test
    void aYamlSyntaxErrorIsReportedWithItsPosition() throws IOException {
        int code = validate("""
                dependencies:
                  - id: web
                checks:
                  - id: home
                    url: "https://example.com
                """);

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).containsPattern("sentinel\\.yaml:\\d+:\\d+: YAML syntax error: .+ — check the indentation");
    }

    @Test
    void anUnknownKeyIsReportedWithTheNearestKnownKey() throws IOException {
        int code = validate(VALID + "    intervall: 30s\n");

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains("sentinel.yaml:10:5: unknown key 'intervall' in checks[0] — did you mean 'interval'?");
    }

    @Test
    void aMissingRequiredFieldIsNamedWithAnExample() throws IOException {
        int code = validate("""
                dependencies:
                  - id: web
                checks:
                  - id: home
                    dependency: web
                    kind: http
                """);

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains("sentinel.yaml:4:5: missing required field 'url' in checks[0] — add url: ");
    }

    @Test
    void aWrongTypeSaysWhatWasExpected() throws IOException {
        int code = validate(VALID + "    failureThreshold: three\n");

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains(
                "sentinel.yaml:10:23: 'failureThreshold' must be a whole number, got 'three' — for example failureThreshold: 3");
    }

    @Test
    void aDurationInWordsIsRejectedWithTheAcceptedForms() throws IOException {
        int code = validate(VALID.replace("interval: 5m", "interval: 5 minutes"));

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains("sentinel.yaml:9:15: 'interval' is not a duration: '5 minutes'"
                + " — write a duration like 500ms, 30s, 5m, 1h or 1h30m");
    }

    @Test
    void aDuplicateCheckIdIsReported() throws IOException {
        int code = validate(VALID + """
                  - id: places-search
                    dependency: google-places
                    kind: http
                    url: https://places.example.com/other
                """);

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains("sentinel.yaml:10:9: check id 'places-search' is used twice");
    }

    @Test
    void aCheckNamingAnUnknownDependencySuggestsTheNearestOne() throws IOException {
        int code = validate(VALID.replace("dependency: google-places", "dependency: google-place"));

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains("sentinel.yaml:6:17: check names dependency 'google-place', which is not defined"
                + " under dependencies: — did you mean 'google-places'?");
    }

    @Test
    void zeroAndNegativeThresholdsAreRejected() throws IOException {
        int code = validate(VALID + "    failureThreshold: 0\n    successThreshold: -1\n");

        assertThat(code).isEqualTo(2);
        assertThat(stderr())
                .contains("sentinel.yaml:10:23: 'failureThreshold' must be greater than zero, got 0")
                .contains("sentinel.yaml:11:23: 'successThreshold' must be greater than zero, got -1");
    }

    @Test
    void aUrlWithoutSchemeIsRejectedWithTheFullForm() throws IOException {
        int code = validate(VALID.replace("https://places.example.com/v1/places:searchText", "places.example.com/health"));

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains("sentinel.yaml:8:10: 'url' has no scheme: 'places.example.com/health'"
                + " — write the full URL, e.g. https://places.example.com/health");
    }

    @Test
    void anUnsetEnvironmentVariableWithoutDefaultIsNamed() throws IOException {
        int code = validate(VALID + "    headers:\n      X-Goog-Api-Key: ${GOOGLE_PLACES_API_KEY}\n");

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains("sentinel.yaml:11:23: environment variable GOOGLE_PLACES_API_KEY (used by"
                + " 'X-Goog-Api-Key') is not set — export GOOGLE_PLACES_API_KEY, or give a default: ${GOOGLE_PLACES_API_KEY:default}");
    }

    @Test
    void aSetEnvironmentVariableIsUsedAndNeverPrinted() throws IOException {
        environment = Map.of("GOOGLE_PLACES_API_KEY", "AIzaFakeKey-0123456789");

        int code = validate(VALID + "    headers:\n      X-Goog-Api-Key: ${GOOGLE_PLACES_API_KEY}\n    intervall: 1m\n");

        assertThat(code).isEqualTo(2);
        assertThat(stdout() + stderr()).doesNotContain("AIzaFakeKey-0123456789");
    }

    @Test
    void everyProblemIsReportedInOnePassWithoutAStackTrace() throws IOException {
        int code = validate("""
                defaults:
                  interval: soon
                dependencies:
                  - id: web
                checks:
                  - id: home
                    dependency: wbe
                    kind: http
                    url: example.com
                    colour: blue
                """);

        assertThat(code).isEqualTo(2);
        assertThat(stderr().lines().filter(line -> line.contains("sentinel.yaml:")).count()).isEqualTo(4);
        assertThat(stderr()).contains("4 problem(s); nothing was started.").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void breakerSettingsAreValidatedInProbesAndReadableDurations() throws IOException {
        int code = validate(VALID.replace("    description: Places API (New)\n", """
                    description: Places API (New)
                    breaker: {window: 5, minimumCalls: 8, failureRate: 150, waitInOpen: 30 seconds}
                """));

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).doesNotContain("Exception").contains("minimumCalls (8) is larger than window (5)")
                .contains("'failureRate' must be a percentage above 0 and at most 100, got 150")
                .contains("'waitInOpen' is not a duration: '30 seconds' — write a duration like 500ms, 30s, 5m, 1h or 1h30m");
    }

    @Test
    void alertChannelsRoutingAndMaintenanceWindowsAreValidated() throws IOException {
        int code = validate(VALID + """
                alerts:
                  channels:
                    - {id: ops-slack, type: slak, webhookUrl: "https://hooks.slack.com/x"}
                    - {id: ops-email, type: email, host: smtp.example.com, from: not-an-address, to: [oncall@example.com]}
                  routing: {critical: [ops-pager]}
                  reminderInterval: 1m
                  maintenance:
                    - {name: backup, dependencies: [google-placez], weekly: {days: [sunday], from: "02:00", to: "04:00", timeZone: Mars/Olympus}}
                """);

        assertThat(code).isEqualTo(2);
        assertThat(stderr())
                .contains("'type' cannot be 'slak' — did you mean 'slack'?")
                .contains("'not-an-address' is not an email address")
                .contains("routing for critical names channel 'ops-pager', which is not defined")
                .contains("'reminderInterval' is 1m, below the minimum — use at least 5m")
                .contains("maintenance window names dependency 'google-placez', which is not defined — did you mean 'google-places'?")
                .contains("'Mars/Olympus' is not a time zone")
                .doesNotContain("unknown key 'webhookUrl'");
    }

    @Test
    void aDurationThatWouldOverflowIsAProblemForValidateAndForRunAlike() throws IOException {
        String yaml = VALID.replace("interval: 5m", "interval: 99999999999999999999d");

        assertThat(validate(yaml)).isEqualTo(2);
        assertThat(stderr()).contains("sentinel.yaml:9:15: 'interval' is 99999999999999999999d, above the maximum — use at most 7d")
                .doesNotContain("Exception").doesNotContain("\tat ");

        err.reset();
        int code = Sentinel.run(new String[] {"run", "--config", directory.resolve("sentinel.yaml").toString()},
                print(out), print(err), environment::get);
        assertThat(code).as("run refuses before starting anything").isEqualTo(2);
        assertThat(stderr()).contains("'interval' is 99999999999999999999d, above the maximum").contains("nothing was started");
    }

    @Test
    void fiveThousandBracketsAFourMegabyteFileABinaryFileAndUtf16AreRefusedAsWhatTheyAre() throws IOException {
        assertThat(validate(VALID + "deep: " + "[".repeat(5000) + "]".repeat(5000) + "\n")).isEqualTo(2);
        assertThat(stderr()).contains("nests more than 50 levels deep");

        assertThat(validate(VALID + ("#" + "x".repeat(1023) + "\n").repeat(4096))).isEqualTo(2);
        assertThat(stderr()).contains("the file is larger than 1 MiB");

        Path file = directory.resolve("sentinel.yaml");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        assertThat(Sentinel.run(new String[] {"validate", "--config", file.toString()}, print(out), print(err), environment::get))
                .isEqualTo(2);
        assertThat(stderr()).contains("sentinel.yaml:3:1: binary file: byte 8 is a NUL byte").doesNotContain("permission");

        err.reset();
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3, 13, 'I', 'H', 'D', 'R'});
        assertThat(Sentinel.run(new String[] {"validate", "--config", file.toString()}, print(out), print(err), environment::get))
                .isEqualTo(2);
        assertThat(stderr()).contains("sentinel.yaml:1:1: binary file: byte 0 (0x89) is not UTF-8 text").doesNotContain("permission");

        err.reset();
        Files.writeString(file, VALID, StandardCharsets.UTF_16);
        assertThat(Sentinel.run(new String[] {"validate", "--config", file.toString()}, print(out), print(err), environment::get))
                .isEqualTo(2);
        assertThat(stderr()).contains("sentinel.yaml:1:1: the file is UTF-16 text, not UTF-8").doesNotContain("permission");
    }

    @Test
    void aWebhookUsedWhereAWordBelongsIsQuotedAsTheReferenceNeverTheUrl() throws IOException {
        environment = Map.of("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T000/B000/webhookSecret123");

        int code = validate(VALID + "    severity: ${SLACK_WEBHOOK_URL}\n");

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains("sentinel.yaml:10:15: 'severity' cannot be '${SLACK_WEBHOOK_URL}' — use one of critical, high, medium");
        assertThat(stdout() + stderr()).doesNotContain("webhookSecret123").doesNotContain("hooks.slack.com");
    }

    @Test
    void aStorageUrlIsPrintedWithItsPasswordMasked() throws IOException {
        int code = validate("storage:\n  url: jdbc:mysql://app:hunter2-pw@db/x?password=hunter2-pw\n" + VALID);

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains("storage url 'jdbc:mysql://app:****@db/x?password=****' is neither H2 nor PostgreSQL")
                .doesNotContain("hunter2-pw");
    }

    @Test
    void aMissingFileIsNamed() {
        int code = Sentinel.run(new String[] {"validate", "--config", directory.resolve("nope.yaml").toString()},
                print(out), print(err), environment::get);

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains("nope.yaml:1:1: the file does not exist");
    }

    @Test
    void aWrongJGroupsMemberIsNamedWithItsLineAndExitTwo() throws IOException {
        int code = validate(VALID + """
                storage:
                  url: jdbc:postgresql://db:5432/sentinel
                cluster:
                  service: jgroups
                  jgroups:
                    bind: sentinel-eu:7800
                    members: [sentinel-eu:7800, "sentinel-us:78000"]
                """);

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains("sentinel.yaml:16:33: each member must be host:port, was 'sentinel-us:78000'");
    }

    @Test
    void anUnknownArgumentPrintsUsage() {
        int code = Sentinel.run(new String[] {"--confg", "x"}, print(out), print(err), environment::get);

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains("unknown argument '--confg'").contains("Usage: sentinel [run|validate|check|report]");
    }

    private int validate(String yaml) throws IOException {
        Path file = directory.resolve("sentinel.yaml");
        Files.writeString(file, yaml);
        return Sentinel.run(new String[] {"validate", "--config", file.toString()}, print(out), print(err), environment::get);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
