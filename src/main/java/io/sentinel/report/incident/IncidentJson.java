package io.sentinel.report.incident;

import java.util.LinkedHashMap;
import java.util.Map;

/** An incident summary as the API and the JSON report show it. */
public final class IncidentJson {

    private IncidentJson() {
    }

    public static Map<String, Object> summary(IncidentSummary incident) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", incident.id());
        json.put("subject", incident.subject());
        json.put("dependency", incident.dependency());
        json.put("severity", incident.severity().label());
        json.put("open", incident.open());
        json.put("startedAt", incident.startedAt().toString());
        incident.resolvedAt().ifPresent(at -> json.put("resolvedAt", at.toString()));
        json.put("lastEventAt", incident.lastEventAt().toString());
        json.put("events", incident.events());
        json.put("report", "/api/incidents/" + incident.id() + "/report.md");
        return json;
    }
}
