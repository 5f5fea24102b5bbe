package io.sentinel.store;

import static io.sentinel.store.IncidentScenario.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentinel.config.CheckIndex;
import io.sentinel.config.ConfigLoader;
import io.sentinel.config.Severity;
import io.sentinel.daemon.BuiltInKinds;
import io.sentinel.json.Json;
import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.model.FailureClass;
import io.sentinel.model.HealthState;
import io.sentinel.report.diagnostics.DailyDiagnostics;
import io.sentinel.report.diagnostics.Diagnostics;
import io.sentinel.report.diagnostics.DiagnosticsJson;
import io.sentinel.report.diagnostics.DiagnosticsMarkdown;
import io.sentinel.report.diagnostics.DiagnosticsReport;
import io.sentinel.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diagnostics report of a day with {@link IncidentScenario} in it, and a check still failing, from real rows. */
abstract class DiagnosticsContract extends StoreContract {

    private static final Instant DAY = Instant.parse("2026-11-26T00:00:00Z");
    private static final Instant NEXT_DAY = Instant.parse("2026-11-27T00:00:00Z");

    @TempDir
    Path directory;

    private final MutableClock clock = MutableClock.at("2026-11-27T00:05:00Z");
    private Diagnostics diagnostics;

    @BeforeEach
    void storeTheDay() throws Exception {
        IncidentScenario.store(database);
        new AlertEventStore(database).save(new AlertEvent("hunter-account@1/FIRING", "hunter-account@1",
                AlertStatus.FIRING, Severity.MEDIUM, "hunter-account", "hunter", HealthState.DOWN, HealthState.UP,
                FailureClass.QUOTA, "no searches left", null, at("09:12:30"), at("09:12:30")));
        CheckIndex checks = new CheckIndex(new ConfigLoader(BuiltInKinds.index(), Map.<String, String>of()::get)
                .parse(Path.of("sentinel.yaml"), """
                        dependencies:
                          - id: google-places
                          - id: hunter
                            dailyBudget: 1
                          - id: cobalt
                        checks:
                          - {id: places-search, dependency: google-places, kind: http, url: "https://places.example/"}
                          - {id: hunter-account, dependency: hunter, kind: http, url: "https://hunter.example/"}
                          - {id: cobalt-search, dependency: cobalt, kind: http, url: "https://cobalt.example/"}
                        """));
        diagnostics = new Diagnostics(new ObservationStore(database), new IncidentReportStore(database),
                new SpendStore(database), checks, clock);
    }

    @Test
    void theReportCountsRealObservationsOnlyAndGroupsFailuresByPattern() {
        String markdown = DiagnosticsMarkdown.render(diagnostics.report(DAY, NEXT_DAY));

        assertThat(markdown.lines().toList()).containsExactlyElementsOf(List.of(
                "# Sentinel diagnostics: 2026-11-26 00:00 UTC to 2026-11-27 00:00 UTC",
                "",
                "Made 2026-11-27 00:05 UTC. Uptime counts real observations only (UP, DEGRADED, DOWN; DEGRADED"
                        + " answered and counts as up). SKIPPED and SHORT_CIRCUITED probes did not look at the dependency"
                        + " and count neither way; a check without observations has no uptime.",
                "",
                "## Uptime by dependency and check",
                "",
                "### google-places",
                "",
                "| check | uptime | observations | up | degraded | down | skipped | short-circuited | p50 | p95 |",
                "|---|---|---|---|---|---|---|---|---|---|",
                "| places-search | 42.85% | 7 | 3 | 0 | 4 | 0 | 1 | 190ms | 200ms |",
                "",
                "### hunter",
                "",
                "| check | uptime | observations | up | degraded | down | skipped | short-circuited | p50 | p95 |",
                "|---|---|---|---|---|---|---|---|---|---|",
                "| hunter-account | 0.00% | 1 | 0 | 0 | 1 | 0 | 0 | – | – |",
                "",
                "### cobalt",
                "",
                "| check | uptime | observations | up | degraded | down | skipped | short-circuited | p50 | p95 |",
                "|---|---|---|---|---|---|---|---|---|---|",
                "| cobalt-search | no data | 0 | 0 | 0 | 0 | 0 | 0 | – | – |",
                "",
                "## Failures by class and message",
                "",
                "Messages with numbers, ids and times replaced by {n}, {id} and {time}.",
                "",
                "| class | message pattern | failures | checks | first seen | last seen |",
                "|---|---|---|---|---|---|",
                "| AUTH | REQUEST_DENIED: The provided API key is invalid. | 3 | places-search | 2026-11-26 09:11 UTC"
                        + " | 2026-11-26 09:13 UTC |",
                "| QUOTA | no searches left | 1 | hunter-account | 2026-11-26 09:12 UTC | 2026-11-26 09:12 UTC |",
                "| TIMEOUT | no complete response within {n}s | 1 | places-search | 2026-11-26 09:41 UTC"
                        + " | 2026-11-26 09:41 UTC |",
                "",
                "## Slowest checks",
                "",
                "Latency of answered probes (UP and DEGRADED), by 95th percentile.",
                "",
                "| check | dependency | p50 | p95 | answered probes |",
                "|---|---|---|---|---|",
                "| places-search | google-places | 190ms | 200ms | 3 |",
                "",
                "## Open incidents",
                "",
                "- `hunter-account@1` hunter-account (medium), since 2026-11-26 09:12 UTC:"
                        + " /api/incidents/hunter-account@1/report.md",
                "",
                "## Spend",
                "",
                "Probe spending is recorded per UTC day: 2026-11-26, in US dollars.",
                "",
                "| dependency | spent | daily budget | failed paid calls | their cost |",
                "|---|---|---|---|---|",
                "| google-places | $0.2240 | none | 4 | $0.1280 |",
                "| hunter | $0.0000 | $1.0000 | 0 | $0.0000 |",
                "",
                "## Recommendations",
                "",
                "From the fixed table in docs/reports.md, for the failures above.",
                "",
                "- **AUTH** (3 failures: places-search): Check the key: the provider rejected the credentials. Confirm"
                        + " the environment variable holds the current key and that it was not revoked or restricted.",
                "- **QUOTA** (1 failure: hunter-account): Top up credits or raise the plan's limit: the allowance is"
                        + " used up or billing is off.",
                "- **TIMEOUT** (1 failure: places-search): Look at the dependency's load and latency; raise the"
                        + " check's timeout only if this slowness is expected."));
    }

    @Test
    void theJsonFormSaysTheSame() throws Exception {
        DiagnosticsReport report = diagnostics.report(DAY, NEXT_DAY);

        JsonNode json = Json.mapper().readTree(Json.write(DiagnosticsJson.of(report)));

        JsonNode places = json.path("checks").get(0);
        assertThat(places.path("check").asText()).isEqualTo("places-search");
        assertThat(places.path("observations").asLong()).isEqualTo(7);
        assertThat(places.path("results").path("SHORT_CIRCUITED").asLong()).isEqualTo(1);
        assertThat(places.path("uptimePercent").asDouble()).isCloseTo(300.0 / 7, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(json.path("checks").get(2).has("uptimePercent")).as("no observations, no uptime").isFalse();
        assertThat(json.path("failures").get(0).path("pattern").asText()).isEqualTo(IncidentScenario.DENIED);
        assertThat(json.path("openIncidents").get(0).path("id").asText()).isEqualTo("hunter-account@1");
        assertThat(json.path("spend").path("dependencies").get(0).path("failedPaidCalls").asLong()).isEqualTo(4);
        assertThat(json.path("recommendations").get(0).path("failureClass").asText()).isEqualTo("AUTH");
    }

    @Test
    void aWindowWithoutResultsSaysSoInsteadOfClaimingUptime() {
        String markdown = DiagnosticsMarkdown.render(diagnostics.report(NEXT_DAY, NEXT_DAY.plusSeconds(3600)));

        assertThat(markdown).contains("| places-search | no data | 0 |").contains("No failed probes in this window.")
                .contains("No answered probes in this window.").contains("None: no failed probes.");
    }

    @Test
    void theDailyReportIsWrittenOnceWhenTheDayIsOverAndSettled() throws Exception {
        DailyDiagnostics daily = new DailyDiagnostics(diagnostics, directory.resolve("diagnostics"), clock);
        Path file = directory.resolve("diagnostics/2026-11-26.md");

        clock.set(Instant.parse("2026-11-27T00:04:59Z"));
        assertThat(daily.writeDue()).isEmpty();
        clock.set(Instant.parse("2026-11-27T00:05:00Z"));
        assertThat(daily.writeDue()).hasValue(file);
        String written = Files.readString(file);
        assertThat(written).startsWith("# Sentinel diagnostics: 2026-11-26 00:00 UTC to 2026-11-27 00:00 UTC\n")
                .contains("| places-search | 42.85% | 7 |");
        clock.set(Instant.parse("2026-11-27T13:00:00Z"));
        assertThat(daily.writeDue()).as("written once").isEmpty();
        assertThat(Files.list(directory.resolve("diagnostics")).toList()).containsExactly(file);
    }

    @Test
    void aDayWithoutAnyResultGetsNoFile() {
        DailyDiagnostics daily = new DailyDiagnostics(diagnostics, directory.resolve("diagnostics"), clock);

        clock.set(Instant.parse("2026-11-29T06:00:00Z"));

        assertThat(daily.writeDue()).isEmpty();
        assertThat(directory.resolve("diagnostics")).doesNotExist();
    }
}
