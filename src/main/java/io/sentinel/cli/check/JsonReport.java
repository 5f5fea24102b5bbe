package io.sentinel.cli.check;

import io.sentinel.json.Json;
import io.sentinel.json.ResultJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The results as one JSON object, each result in the shape the API and the daily report use. */
public final class JsonReport {

    private JsonReport() {
    }

    public static String render(CheckRun run) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("startedAt", run.startedAt().toString());
        body.put("tookMs", run.took().toMillis());
        body.put("exitCode", run.exitCode());
        body.put("summary", run.counts());
        body.put("criticalDown", run.criticalDown());
        List<Map<String, Object>> results = run.results().stream().map(checked -> {
            Map<String, Object> result = ResultJson.of(checked.result());
            result.put("kind", checked.check().kind());
            result.put("severity", checked.check().severity().label());
            return result;
        }).toList();
        body.put("results", results);
        return Json.write(body) + "\n";
    }
}
