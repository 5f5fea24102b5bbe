package io.sentinel.report.incident;

import io.sentinel.config.Durations;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.ProbeResult;
import io.sentinel.report.Markdown;
import io.sentinel.report.Recommendations;
import io.sentinel.report.ReportTimes;
import io.sentinel.secret.Redactor;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A post-incident report draft in the ops team's shape: Timeline, Root Cause, Impact Assessment, Resolution
 * Steps, Prevention Measures, Action Items. Every line is a recorded fact or a marked blank for people; the only
 * text Sentinel adds of its own is the documented recommendation for each failure class seen.
 */
final class IncidentReportMarkdown {

    private final IncidentFacts facts;
    private final IncidentScope scope;
    private final List<String> lines = new ArrayList<>();

    private IncidentReportMarkdown(IncidentFacts facts) {
        this.facts = facts;
        this.scope = facts.scope();
    }

    /** The draft, with every registered secret masked. */
    static String render(IncidentFacts facts) {
        IncidentReportMarkdown report = new IncidentReportMarkdown(facts);
        report.header();
        report.timeline();
        report.rootCause();
        report.impact();
        report.resolution();
        report.prevention();
        report.actionItems();
        return Redactor.global().redact(String.join("\n", report.lines) + "\n");
    }

    private void header() {
        IncidentSummary summary = scope.summary();
        lines.add("# Post-incident report (draft): " + Markdown.line(summary.subject()));
        lines.add("");
        lines.add("- Incident: `" + summary.id() + "`");
        lines.add((scope.dependencies().size() == 1 ? "- Dependency: " : "- Dependencies: ")
                + String.join(", ", scope.dependencies()));
        lines.add("- Severity: " + summary.severity().label());
        lines.add("- Status: " + (summary.open() ? "open (still firing when this draft was made)" : "resolved"));
        lines.add("- Began: " + ReportTimes.dateTime(scope.from()));
        summary.resolvedAt().ifPresent(at -> lines.add("- Resolved: " + ReportTimes.dateTime(at)));
        lines.add("- Draft made: " + ReportTimes.dateTime(facts.generatedAt()) + ", from the facts Sentinel recorded."
                + " Lines marked _(to be written: …)_ are for people to fill in.");
    }

    private void timeline() {
        section("Timeline");
        lines.add("All times UTC.");
        LocalDate day = null;
        for (TimelineEntry entry : facts.timeline()) {
            LocalDate entryDay = ReportTimes.date(entry.at());
            if (!entryDay.equals(day)) {
                lines.add("");
                lines.add("**" + entryDay + "**");
                lines.add("");
                day = entryDay;
            }
            lines.add("- " + ReportTimes.time(entry.at()) + " — " + Markdown.line(entry.text()));
        }
    }

    private void rootCause() {
        section("Root Cause");
        lines.add(Markdown.blank("why it failed; the facts below say what failed and when, not why"));
        lines.add("");
        lines.add("Recorded:");
        lines.add("");
        for (ProbeResult probe : scope.firstProblemProbes()) {
            lines.add("- " + probe.checkId() + " began with " + (probe.failureClass() == null ? probe.outcome().name()
                    : probe.failureClass().name()) + ": " + Markdown.line(probe.message()));
        }
        lines.add("- Failure classes of the failed probes: " + (facts.failedProbes().count() == 0 ? "none recorded"
                : byClass(facts.failedProbes().byClass())));
    }

    private void impact() {
        section("Impact Assessment");
        lines.add("- Affected checks: " + (scope.checks().isEmpty() ? "none named; the incident is about "
                + String.join(", ", scope.dependencies()) + " as a whole" : String.join(", ", scope.checks())
                + " (" + scope.checks().size() + ")"));
        lines.add("- Duration: " + duration());
        FailedProbes failed = facts.failedProbes();
        lines.add("- Failed probes: " + failed.count() + (failed.count() == 0 ? "" : " (" + byClass(failed.byClass()) + ")"));
        lines.add("- Cost of failed paid calls: " + (failed.paidCalls() == 0 ? "none; no failed probe was a paid call"
                : String.format(Locale.ROOT, "$%.4f (%d paid %s)", failed.paidCostUsd(), failed.paidCalls(),
                failed.paidCalls() == 1 ? "call" : "calls")));
        lines.add("- Users and features affected: " + Markdown.blank("who noticed, what they could not do"));
    }

    private String duration() {
        String lasted = Durations.format(facts.duration().truncatedTo(ChronoUnit.SECONDS));
        String span = ReportTimes.time(scope.from()) + " to " + ReportTimes.time(scope.until()) + " UTC";
        return scope.isOpen() ? lasted + " so far (" + span + ", still open)" : lasted + " (" + span + ")";
    }

    private void resolution() {
        section("Resolution Steps");
        List<TimelineEntry> steps = facts.timeline().stream().filter(TimelineEntry::isResolutionStep).toList();
        if (steps.isEmpty()) {
            lines.add("- Recorded: no operator action and no recovery yet");
        }
        for (TimelineEntry step : steps) {
            lines.add("- " + ReportTimes.time(step.at()) + " — " + Markdown.line(step.text()));
        }
        lines.add("- " + Markdown.blank("what people did to restore service, and what fixed it"));
    }

    private void prevention() {
        section("Prevention Measures");
        lines.add(Markdown.blank("what will keep this from happening again"));
        Map<String, String> hints = new LinkedHashMap<>();
        for (ProbeResult probe : scope.firstProblemProbes()) {
            if (probe.failureClass() != null) {
                hint(hints, probe.failureClass(), probe.message());
            }
        }
        facts.failedProbes().byClass().keySet().forEach(failureClass -> hint(hints, failureClass, ""));
        if (!hints.isEmpty()) {
            lines.add("");
            lines.add("Where to look first, from the recommendations table (docs/reports.md):");
            lines.add("");
            hints.forEach((label, advice) -> lines.add("- " + label + ": " + advice));
        }
    }

    private static void hint(Map<String, String> hints, FailureClass failureClass, String message) {
        Recommendations.Recommendation line = Recommendations.forFailure(failureClass, message);
        String label = line.codes().isEmpty() ? failureClass.name()
                : failureClass.name() + " (" + String.join(", ", line.codes()) + ")";
        hints.putIfAbsent(label, line.advice());
    }

    private void actionItems() {
        section("Action Items");
        lines.add("- [ ] " + Markdown.blank("action, owner, due date"));
    }

    private void section(String title) {
        lines.add("");
        lines.add("## " + title);
        lines.add("");
    }

    private static String byClass(Map<FailureClass, Long> counts) {
        StringJoiner joined = new StringJoiner(", ");
        counts.forEach((failureClass, probes) -> joined.add(failureClass + " " + probes));
        return joined.toString();
    }
}
