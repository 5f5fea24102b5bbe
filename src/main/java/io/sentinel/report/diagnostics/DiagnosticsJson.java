package io.sentinel.report.diagnostics;

import io.sentinel.probe.Outcome;
import io.sentinel.report.incident.IncidentJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/** The diagnostics report as JSON-able maps, for {@code GET /api/report} and {@code sentinel report --format json}. */
public final class DiagnosticsJson {

    private DiagnosticsJson() {
    }

    public static Map<String, Object> of(DiagnosticsReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from", report.from().toString());
        json.put("to", report.to().toString());
        json.put("generatedAt", report.generatedAt().toString());
        json.put("checks", report.checks().stream().map(DiagnosticsJson::check).toList());
        json.put("failures", report.failures().stream().map(DiagnosticsJson::failure).toList());
        json.put("failureGroups", report.failureGroups());
        json.put("slowest", report.slowest().stream().map(DiagnosticsJson::slow).toList());
        json.put("openIncidents", report.openIncidents().stream().map(IncidentJson::summary).toList());
        Map<String, Object> spend = new LinkedHashMap<>();
        spend.put("currency", "USD");
        spend.put("days", report.spendDays().stream().map(Object::toString).toList());
        spend.put("dependencies", report.spending().stream().map(DiagnosticsJson::spend).toList());
        json.put("spend", spend);
        json.put("recommendations", report.advice().stream().map(DiagnosticsJson::advice).toList());
        return json;
    }

    private static Map<String, Object> check(CheckSummary check) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("check", check.checkId());
        json.put("dependency", check.dependency());
        json.put("configured", check.configured());
        check.uptimePercent().ifPresent(uptime -> json.put("uptimePercent", uptime));
        json.put("observations", check.observations());
        Map<String, Long> results = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            results.put(outcome.name(), check.count(outcome));
        }
        json.put("results", results);
        put(json, "p50Millis", check.p50Millis());
        put(json, "p95Millis", check.p95Millis());
        return json;
    }

    private static Map<String, Object> slow(CheckSummary check) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("check", check.checkId());
        json.put("dependency", check.dependency());
        json.put("answered", check.answered());
        put(json, "p50Millis", check.p50Millis());
        put(json, "p95Millis", check.p95Millis());
        return json;
    }

    private static void put(Map<String, Object> json, String name, OptionalLong value) {
        if (value.isPresent()) {
            json.put(name, value.getAsLong());
        }
    }

    private static Map<String, Object> failure(FailureGroup group) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("failureClass", group.failureClass().name());
        json.put("pattern", group.pattern());
        json.put("failures", group.failures());
        json.put("checks", group.checks());
        json.put("someChecks", group.someChecks());
        json.put("firstSeen", group.firstSeen().toString());
        json.put("lastSeen", group.lastSeen().toString());
        return json;
    }

    private static Map<String, Object> spend(SpendLine line) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dependency", line.dependency());
        json.put("spent", line.spentUsd());
        line.dailyBudget().ifPresent(budget -> json.put("dailyBudget", budget));
        json.put("failedPaidCalls", line.failedPaidCalls());
        json.put("failedPaidCost", line.failedPaidCostUsd());
        return json;
    }

    private static Map<String, Object> advice(AdviceLine line) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("failureClass", line.recommendation().failureClass().name());
        if (!line.recommendation().codes().isEmpty()) {
            json.put("codes", line.recommendation().codes());
        }
        json.put("failures", line.failures());
        json.put("checks", line.checks());
        json.put("advice", line.recommendation().advice());
        return json;
    }
}
