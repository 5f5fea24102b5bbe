package io.sentinel.report.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.alert.outbox.OutboxEntry;
import io.sentinel.alert.silence.Silence;
import io.sentinel.breaker.BreakerTransition;
import io.sentinel.config.Severity;
import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.model.FailureClass;
import io.sentinel.model.HealthState;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Drafts of incidents the store contracts do not build: open ones, whole-dependency ones, new kinds of facts. */
class IncidentReportsTest {

    private static final Instant BEFORE_MIDNIGHT = Instant.parse("2026-11-26T23:58:00Z");
    private static final Instant NOW = Instant.parse("2026-11-27T00:10:00Z");

    /** Records of one open breaker incident of hunter, with two failed probes of its checks. */
    private static final class OneBreakerIncident implements IncidentRecords {

        final List<String> askedForNotifications = new ArrayList<>();

        @Override
        public List<IncidentSummary> find(IncidentQuery query) {
            return List.of();
        }

        @Override
        public List<AlertEvent> events(String incidentId) {
            if (!incidentId.equals("breaker:hunter@1")) {
                return List.of();
            }
            return List.of(new AlertEvent("breaker:hunter@1/FIRING", "breaker:hunter@1", AlertStatus.FIRING,
                    Severity.HIGH, null, "hunter", HealthState.DOWN, HealthState.UP, null,
                    "calls to hunter stopped: failure rate 100.0%", null, BEFORE_MIDNIGHT, BEFORE_MIDNIGHT));
        }

        @Override
        public List<OutboxEntry> notifications(String alertId) {
            askedForNotifications.add(alertId);
            return List.of();
        }

        @Override
        public List<BreakerTransition> breakerTransitions(String dependency, Instant from, Instant to) {
            return List.of();
        }

        @Override
        public List<Silence> silences() {
            return List.of();
        }

        @Override
        public Optional<ProbeResult> firstProblemProbe(String checkId, Set<Outcome> problem, Instant by) {
            throw new AssertionError("an incident naming no check has no first probe to look up");
        }

        @Override
        public FailedProbes failedProbesOfCheck(String checkId, Instant from, Instant to) {
            throw new AssertionError("an incident naming no check counts its dependency's failures");
        }

        @Override
        public FailedProbes failedProbesOfDependency(String dependency, Instant from, Instant to) {
            assertThat(from).isEqualTo(BEFORE_MIDNIGHT);
            assertThat(to).isEqualTo(NOW);
            return new FailedProbes(Map.of(FailureClass.QUOTA, 2L), 0, 0);
        }
    }

    @Test
    void anOpenIncidentAboutAWholeDependencyCountsItsChecksFailuresSoFar() {
        OneBreakerIncident records = new OneBreakerIncident();
        String draft = new IncidentReports(records, Clock.fixed(NOW, ZoneOffset.UTC)).markdown("breaker:hunter@1")
                .orElseThrow();

        assertThat(draft.lines()).contains(
                "# Post-incident report (draft): hunter breaker",
                "- Status: open (still firing when this draft was made)",
                "- Affected checks: none named; the incident is about hunter as a whole",
                "- Duration: 12m so far (23:58 to 00:10 UTC, still open)",
                "- Failed probes: 2 (QUOTA 2)",
                "- Recorded: no operator action and no recovery yet",
                "- QUOTA: Top up credits or raise the plan's limit: the allowance is used up or billing is off.");
        assertThat(draft).doesNotContain("- Resolved:");
        assertThat(records.askedForNotifications).containsExactly("breaker:hunter@1");
    }

    @Test
    void aNewKindOfFactAppearsInTheTimelineAsItIsAndEachDayHasItsHeading() {
        TimelineSource confirmations = scope -> List.of(
                new TimelineEntry(NOW.minusSeconds(60), "confirmed-stable", "hunter confirmed stable after 30 quiet minutes"),
                new TimelineEntry(NOW.minusSeconds(30), "dependents-held", "4 dependent checks affected | held"));
        OneBreakerIncident records = new OneBreakerIncident();
        IncidentReports reports = new IncidentReports(records,
                List.of(scope -> new AlertEventFacts().entries(scope), confirmations), Clock.fixed(NOW, ZoneOffset.UTC));

        List<String> timeline = reports.markdown("breaker:hunter@1").orElseThrow().lines()
                .dropWhile(line -> !line.equals("## Timeline")).takeWhile(line -> !line.equals("## Root Cause")).toList();

        assertThat(timeline).containsExactly(
                "## Timeline",
                "",
                "All times UTC.",
                "",
                "**2026-11-26**",
                "",
                "- 23:58 — FIRING [high] hunter breaker DOWN: calls to hunter stopped: failure rate 100.0%",
                "",
                "**2026-11-27**",
                "",
                "- 00:09 — hunter confirmed stable after 30 quiet minutes",
                "- 00:09 — 4 dependent checks affected | held",
                "");
    }

    @Test
    void anIncidentNobodyRecordedHasNoDraft() {
        assertThat(new IncidentReports(new OneBreakerIncident(), Clock.fixed(NOW, ZoneOffset.UTC)).facts("nothing@1"))
                .isEmpty();
    }
}
