package io.sentinel.api;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckIndex;
import io.sentinel.json.ResultJson;
import io.sentinel.probe.ProbeResult;
import io.sentinel.results.ResultHistory;
import io.sentinel.rules.CheckState;
import io.sentinel.rules.CheckStates;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Header;

/** {@code GET /api/status}, {@code /api/checks/{id}} and {@code /api/checks/{id}/history}. */
public final class StatusApi {

    static final int DEFAULT_HISTORY = 50;
    static final int MAX_HISTORY = 1_000;

    private final CheckIndex checks;
    private final CheckStates states;
    private final ResultHistory history;
    private final Clock clock;

    private final java.util.function.Function<io.sentinel.config.CheckConfig, Optional<String>> routes;
    private final java.util.function.Supplier<Map<String, Object>> configuration;

    /**
     * @param routes        the route that runs a check, as Camel names it
     * @param configuration the configuration version in force and the last refused change
     */
    public StatusApi(CheckIndex checks, CheckStates states, ResultHistory history, Clock clock,
                     java.util.function.Function<io.sentinel.config.CheckConfig, Optional<String>> routes,
                     java.util.function.Supplier<Map<String, Object>> configuration) {
        this.checks = checks;
        this.states = states;
        this.history = history;
        this.clock = clock;
        this.routes = routes;
        this.configuration = configuration;
    }

    public ApiReply index() {
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("service", "sentinel");
        links.put("status", "/api/status");
        links.put("check", "/api/checks/{id}");
        links.put("history", "/api/checks/{id}/history?limit=50");
        links.put("breakers", "/api/breakers");
        links.put("incidents", "/api/incidents?state=open&since=24h");
        links.put("incidentReport", "/api/incidents/{id}/report.md");
        links.put("report", "/api/report?since=24h");
        links.put("silences", "/api/silences");
        links.put("costs", "/api/costs");
        links.put("health", "/observe/health");
        links.put("metrics", "/observe/metrics");
        return ApiReply.ok(links);
    }

    public ApiReply status() {
        Map<io.sentinel.model.HealthState, Integer> counts = new EnumMap<>(io.sentinel.model.HealthState.class);
        List<Map<String, Object>> items = checks.checks().stream().map(check -> {
            Map<String, Object> item = describe(check);
            counts.merge(states.state(check.id()).state(), 1, Integer::sum);
            return item;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("generatedAt", clock.instant().toString());
        body.put("summary", counts);
        body.put("configuration", configuration.get());
        body.put("checks", items);
        return ApiReply.ok(body);
    }

    public ApiReply check(@Header("id") String id) {
        Optional<ApiReply> malformed = PathIds.refuseConfigId(id, "check");
        if (malformed.isPresent()) {
            return malformed.get();
        }
        return checks.check(id).map(check -> ApiReply.ok(describe(check)))
                .orElseGet(() -> unknownCheck(id));
    }

    public ApiReply history(@Header("id") String id, @Header("limit") String limit) {
        Optional<ApiReply> malformed = PathIds.refuseConfigId(id, "check");
        if (malformed.isPresent()) {
            return malformed.get();
        }
        Optional<CheckConfig> check = checks.check(id);
        if (check.isEmpty()) {
            return unknownCheck(id);
        }
        int count;
        try {
            count = QueryParameters.wholeNumber("limit", limit, DEFAULT_HISTORY, 1, MAX_HISTORY);
        } catch (IllegalArgumentException wrong) {
            return ApiReply.badRequest(wrong.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("check", id);
        body.put("results", history.history(id, count).stream().map(ResultJson::of).toList());
        return ApiReply.ok(body);
    }

    private ApiReply unknownCheck(String id) {
        return ApiReply.notFound("no check with id '" + id + "'; GET /api/status lists them");
    }

    private Map<String, Object> describe(CheckConfig check) {
        CheckState state = states.state(check.id());
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", check.id());
        item.put("dependency", check.dependency());
        item.put("kind", check.kind());
        item.put("severity", check.severity().label());
        // null when no route runs the check (an operator's route missing or being replaced): it is not probed
        item.put("route", routes.apply(check).orElse(null));
        item.put("state", state.state().name());
        if (state.since() != null) {
            item.put("since", state.since().toString());
        }
        if (state.incidentId() != null) {
            item.put("incidentId", state.incidentId());
        }
        Map<String, Object> counters = new LinkedHashMap<>();
        counters.put("consecutiveFailures", state.consecutiveFailures());
        counters.put("consecutiveSuccesses", state.consecutiveSuccesses());
        counters.put("failureThreshold", check.failureThreshold());
        counters.put("successThreshold", check.successThreshold());
        item.put("counters", counters);
        states.lastResult(check.id()).map(ResultJson::of).ifPresent(last -> item.put("lastResult", last));
        return item;
    }
}
