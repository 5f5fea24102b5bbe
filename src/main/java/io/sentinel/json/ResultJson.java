package io.sentinel.json;

import io.sentinel.probe.ProbeResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** The published shape of a probe result: the same in reports and in the API. */
public final class ResultJson {

    private ResultJson() {
    }

    public static Map<String, Object> of(ProbeResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("checkId", result.checkId());
        json.put("dependency", result.dependency());
        json.put("startedAt", result.startedAt().toString());
        json.put("latencyMs", result.latency().toMillis());
        json.put("outcome", result.outcome().name());
        if (result.failureClass() != null) {
            json.put("failureClass", result.failureClass().name());
        }
        if (result.httpStatus() != 0) {
            json.put("httpStatus", result.httpStatus());
        }
        json.put("message", result.message());
        if (!result.readings().isEmpty()) {
            json.put("readings", result.readings());
        }
        return json;
    }
}
