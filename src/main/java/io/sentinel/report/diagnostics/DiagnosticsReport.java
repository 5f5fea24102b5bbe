package io.sentinel.report.diagnostics;

import io.sentinel.report.incident.IncidentSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the diagnostics report says about a window of time.
 *
 * @param from            start of the window (included)
 * @param to              end of the window (excluded)
 * @param generatedAt     when it was made
 * @param checks          every configured check and every check with results, by dependency
 * @param failures        the largest failure groups, most failures first
 * @param failureGroups   how many failure groups there were in all
 * @param slowest         the checks with the highest 95th percentile latency, slowest first
 * @param openIncidents   incidents still open when it was made
 * @param spendDays       the UTC days the spending covers (spending is recorded per day)
 * @param spending        what probes cost per dependency over those days
 * @param advice          the recommendations that apply, most failures first
 */
public record DiagnosticsReport(Instant from, Instant to, Instant generatedAt, List<CheckSummary> checks,
                                List<FailureGroup> failures, int failureGroups, List<CheckSummary> slowest,
                                List<IncidentSummary> openIncidents, List<LocalDate> spendDays,
                                List<SpendLine> spending, List<AdviceLine> advice) {

    public DiagnosticsReport {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(generatedAt, "generatedAt");
        checks = List.copyOf(checks);
        failures = List.copyOf(failures);
        slowest = List.copyOf(slowest);
        openIncidents = List.copyOf(openIncidents);
        spendDays = List.copyOf(spendDays);
        spending = List.copyOf(spending);
        advice = List.copyOf(advice);
    }
}
