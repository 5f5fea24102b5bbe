package io.sentinel.store;

import static io.sentinel.store.IncidentScenario.DRAFTED;
import static io.sentinel.store.IncidentScenario.INCIDENT;
import static io.sentinel.store.IncidentScenario.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.report.incident.IncidentReports;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The post-incident report draft of {@link IncidentScenario}, read back from real rows, line by line. */
abstract class IncidentReportContract extends StoreContract {

    private IncidentReports reports;

    @BeforeEach
    void storeTheIncident() throws Exception {
        IncidentScenario.store(database);
        reports = new IncidentReports(new IncidentReportStore(database), Clock.fixed(DRAFTED, ZoneOffset.UTC));
    }

    @Test
    void theDraftHasEveryRecordedFactInTheOpsTeamsShapeAndBlanksForTheRest() {
        String markdown = reports.markdown(INCIDENT).orElseThrow();

        assertThat(markdown.lines().toList()).containsExactlyElementsOf(List.of(
                "# Post-incident report (draft): places-search",
                "",
                "- Incident: `places-search@20261126T091300.200Z`",
                "- Dependency: google-places",
                "- Severity: high",
                "- Status: resolved",
                "- Began: 2026-11-26 09:11 UTC",
                "- Resolved: 2026-11-26 09:43 UTC",
                "- Draft made: 2026-11-26 10:00 UTC, from the facts Sentinel recorded. Lines marked _(to be written: …)_"
                        + " are for people to fill in.",
                "",
                "## Timeline",
                "",
                "All times UTC.",
                "",
                "**2026-11-26**",
                "",
                "- 09:11 — first failed probe of places-search: AUTH, REQUEST_DENIED: The provided API key is invalid."
                        + " (took 210ms)",
                "- 09:13 — FIRING [high] places-search DOWN (AUTH): 3 failed probes in a row: REQUEST_DENIED: The"
                        + " provided API key is invalid.",
                "- 09:13 — FIRING places-search DOWN queued for ops-email, refused by the channel for good after 3"
                        + " attempts: 535 authentication failed",
                "- 09:13 — FIRING places-search DOWN queued for ops-slack",
                "- 09:13 — FIRING places-search DOWN delivered to ops-slack (1 attempt)",
                "- 09:13 — google-places breaker CLOSED → OPEN: failure rate 100.0% over 4 calls",
                "- 09:15 — operator silenced notifications for dependency google-places until 2026-11-26 10:15 UTC:"
                        + " key rotation",
                "- 09:20 — operator moved the google-places breaker OPEN → FORCED_OPEN: rotating key ****, see INC-7",
                "- 09:40 — operator moved the google-places breaker FORCED_OPEN → CLOSED: new key deployed",
                "- 09:43 — RESOLVED [high] places-search UP: 2 good probes in a row; was DOWN for 30m0s",
                "- 09:43 — RESOLVED places-search UP queued for ops-slack",
                "- 09:43 — RESOLVED places-search UP delivered to ops-slack (1 attempt)",
                "",
                "## Root Cause",
                "",
                "_(to be written: why it failed; the facts below say what failed and when, not why)_",
                "",
                "Recorded:",
                "",
                "- places-search began with AUTH: REQUEST_DENIED: The provided API key is invalid.",
                "- Failure classes of the failed probes: AUTH 3, TIMEOUT 1",
                "",
                "## Impact Assessment",
                "",
                "- Affected checks: places-search (1)",
                "- Duration: 32m (09:11 to 09:43 UTC)",
                "- Failed probes: 4 (AUTH 3, TIMEOUT 1)",
                "- Cost of failed paid calls: $0.1280 (4 paid calls)",
                "- Users and features affected: _(to be written: who noticed, what they could not do)_",
                "",
                "## Resolution Steps",
                "",
                "- 09:15 — operator silenced notifications for dependency google-places until 2026-11-26 10:15 UTC:"
                        + " key rotation",
                "- 09:20 — operator moved the google-places breaker OPEN → FORCED_OPEN: rotating key ****, see INC-7",
                "- 09:40 — operator moved the google-places breaker FORCED_OPEN → CLOSED: new key deployed",
                "- 09:43 — RESOLVED [high] places-search UP: 2 good probes in a row; was DOWN for 30m0s",
                "- _(to be written: what people did to restore service, and what fixed it)_",
                "",
                "## Prevention Measures",
                "",
                "_(to be written: what will keep this from happening again)_",
                "",
                "Where to look first, from the recommendations table (docs/reports.md):",
                "",
                "- AUTH: Check the key: the provider rejected the credentials. Confirm the environment variable holds"
                        + " the current key and that it was not revoked or restricted.",
                "- TIMEOUT: Look at the dependency's load and latency; raise the check's timeout only if this slowness"
                        + " is expected.",
                "",
                "## Action Items",
                "",
                "- [ ] _(to be written: action, owner, due date)_"));
        assertThat(markdown).doesNotContain(SECRET).endsWith("\n");
    }

    @Test
    void anUnknownIncidentHasNoReport() {
        assertThat(reports.markdown("places-search@20991231T000000.000Z")).isEmpty();
    }
}
