package io.sentinel.report.diagnostics;

import io.sentinel.config.Durations;
import io.sentinel.probe.Outcome;
import io.sentinel.report.Markdown;
import io.sentinel.report.ReportTimes;
import io.sentinel.report.incident.IncidentSummary;
import io.sentinel.secret.Redactor;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/** The diagnostics report as Markdown, for people and for {@code reports/diagnostics/YYYY-MM-DD.md}. */
public final class DiagnosticsMarkdown {

    private final DiagnosticsReport report;
    private final List<String> lines = new ArrayList<>();

    private DiagnosticsMarkdown(DiagnosticsReport report) {
        this.report = report;
    }

    /** The report, with every registered secret masked. */
    public static String render(DiagnosticsReport report) {
        DiagnosticsMarkdown markdown = new DiagnosticsMarkdown(report);
        markdown.header();
        markdown.uptime();
        markdown.failures();
        markdown.slowest();
        markdown.openIncidents();
        markdown.spending();
        markdown.advice();
        return Redactor.global().redact(String.join("\n", markdown.lines) + "\n");
    }

    private void header() {
        lines.add("# Sentinel diagnostics: " + ReportTimes.dateTime(report.from()) + " to "
                + ReportTimes.dateTime(report.to()));
        lines.add("");
        lines.add("Made " + ReportTimes.dateTime(report.generatedAt()) + ". Uptime counts real observations only"
                + " (UP, DEGRADED, DOWN; DEGRADED answered and counts as up). SKIPPED and SHORT_CIRCUITED probes did"
                + " not look at the dependency and count neither way; a check without observations has no uptime.");
    }

    private void uptime() {
        section("Uptime by dependency and check");
        if (report.checks().isEmpty()) {
            lines.add("No checks are configured and no results were stored in this window.");
            return;
        }
        Map<String, List<CheckSummary>> byDependency = new LinkedHashMap<>();
        report.checks().forEach(check -> byDependency.computeIfAbsent(check.dependency(), any -> new ArrayList<>()).add(check));
        byDependency.forEach((dependency, checks) -> {
            lines.add("### " + Markdown.line(dependency));
            lines.add("");
            lines.add("| check | uptime | observations | up | degraded | down | skipped | short-circuited | p50 | p95 |");
            lines.add("|---|---|---|---|---|---|---|---|---|---|");
            for (CheckSummary check : checks) {
                lines.add("| " + Markdown.cell(check.checkId()) + (check.configured() ? "" : " (no longer configured)")
                        + " | " + uptime(check) + " | " + check.observations() + " | " + check.count(Outcome.UP)
                        + " | " + check.count(Outcome.DEGRADED) + " | " + check.count(Outcome.DOWN) + " | "
                        + check.count(Outcome.SKIPPED) + " | " + check.count(Outcome.SHORT_CIRCUITED) + " | "
                        + millis(check.p50Millis()) + " | " + millis(check.p95Millis()) + " |");
            }
            lines.add("");
        });
        lines.remove(lines.size() - 1);
    }

    /** Rounded down, so that one failure in a hundred thousand never shows as 100.00 %. */
    static String uptime(CheckSummary check) {
        return check.uptimePercent().isEmpty() ? "no data"
                : BigDecimal.valueOf(check.uptimePercent().getAsDouble()).setScale(2, RoundingMode.FLOOR) + "%";
    }

    private void failures() {
        section("Failures by class and message");
        if (report.failures().isEmpty()) {
            lines.add("No failed probes in this window.");
            return;
        }
        lines.add("Messages with numbers, ids and times replaced by {n}, {id} and {time}.");
        lines.add("");
        lines.add("| class | message pattern | failures | checks | first seen | last seen |");
        lines.add("|---|---|---|---|---|---|");
        for (FailureGroup group : report.failures()) {
            lines.add("| " + group.failureClass() + " | " + Markdown.cell(group.pattern()) + " | " + group.failures()
                    + " | " + checks(group.someChecks(), group.checks()) + " | "
                    + ReportTimes.dateTime(group.firstSeen()) + " | " + ReportTimes.dateTime(group.lastSeen()) + " |");
        }
        int unlisted = report.failureGroups() - report.failures().size();
        if (unlisted > 0) {
            lines.add("");
            lines.add(unlisted + " smaller failure groups are not listed.");
        }
    }

    private void slowest() {
        section("Slowest checks");
        if (report.slowest().isEmpty()) {
            lines.add("No answered probes in this window.");
            return;
        }
        lines.add("Latency of answered probes (UP and DEGRADED), by 95th percentile.");
        lines.add("");
        lines.add("| check | dependency | p50 | p95 | answered probes |");
        lines.add("|---|---|---|---|---|");
        for (CheckSummary check : report.slowest()) {
            lines.add("| " + Markdown.cell(check.checkId()) + " | " + Markdown.cell(check.dependency()) + " | "
                    + millis(check.p50Millis()) + " | " + millis(check.p95Millis()) + " | " + check.answered() + " |");
        }
    }

    private void openIncidents() {
        section("Open incidents");
        if (report.openIncidents().isEmpty()) {
            lines.add("None.");
            return;
        }
        for (IncidentSummary incident : report.openIncidents()) {
            lines.add("- `" + incident.id() + "` " + Markdown.line(incident.subject()) + " (" + incident.severity().label()
                    + "), since " + ReportTimes.dateTime(incident.startedAt()) + ": /api/incidents/" + incident.id()
                    + "/report.md");
        }
    }

    private void spending() {
        section("Spend");
        lines.add("Probe spending is recorded per UTC day: " + report.spendDays().get(0)
                + (report.spendDays().size() > 1 ? " to " + report.spendDays().get(report.spendDays().size() - 1) : "")
                + ", in US dollars.");
        lines.add("");
        if (report.spending().isEmpty()) {
            lines.add("No probe spending, no daily budget configured, no failed paid calls.");
            return;
        }
        lines.add("| dependency | spent | daily budget | failed paid calls | their cost |");
        lines.add("|---|---|---|---|---|");
        for (SpendLine line : report.spending()) {
            lines.add("| " + Markdown.cell(line.dependency()) + " | " + usd(line.spentUsd()) + " | "
                    + line.dailyBudget().map(DiagnosticsMarkdown::usd).orElse("none") + " | " + line.failedPaidCalls()
                    + " | " + usd(line.failedPaidCostUsd()) + " |");
        }
    }

    private void advice() {
        section("Recommendations");
        if (report.advice().isEmpty()) {
            lines.add("None: no failed probes.");
            return;
        }
        lines.add("From the fixed table in docs/reports.md, for the failures above.");
        lines.add("");
        for (AdviceLine line : report.advice()) {
            String codes = line.recommendation().codes().isEmpty() ? ""
                    : " (" + String.join(", ", line.recommendation().codes()) + ")";
            lines.add("- **" + line.recommendation().failureClass() + codes + "** (" + line.failures()
                    + (line.failures() == 1 ? " failure: " : " failures: ")
                    + String.join(", ", line.checks()) + "): " + line.recommendation().advice());
        }
    }

    private void section(String title) {
        lines.add("");
        lines.add("## " + title);
        lines.add("");
    }

    private static String checks(List<String> named, int count) {
        String names = Markdown.cell(String.join(", ", named));
        return count > named.size() ? names + " and " + (count - named.size()) + " more" : names;
    }

    static String millis(OptionalLong millis) {
        return millis.isPresent() ? Durations.format(Duration.ofMillis(millis.getAsLong())) : "–";
    }

    static String usd(double amount) {
        return String.format(Locale.ROOT, "$%.4f", amount);
    }
}
