package io.sentinel.api;

import io.sentinel.cluster.ClusterMembership;
import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckIndex;
import io.sentinel.json.ResultJson;
import io.sentinel.probe.ProbeResult;
import io.sentinel.results.ResultHistory;
import io.sentinel.rules.CheckState;
import io.sentinel.rules.CheckStates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.camel.Header;

/**
 * {@code GET /api}, {@code /api/status}, {@code /api/checks/{id}}, {@code /api/checks/{id}/history} and
 * {@code /api/latency}.
 */
public final class StatusApi {

    static final int DEFAULT_HISTORY = 50;
    static final int MAX_HISTORY = 1_000;
    /** An hour of one-second probes for a hundred checks; more is cut from the old end rather than read. */
    static final int MAX_LATENCY_SAMPLES = 360_000;

    private final CheckIndex checks;
    private final CheckStates states;
    private final ResultHistory history;
    private final Function<CheckConfig, Map<String, Duration>> forecasts;
    private final Clock clock;

    private final Function<CheckConfig, Optional<String>> routes;
    private final java.util.function.Supplier<Map<String, Object>> configuration;
    private final ClusterMembership cluster;

    /**
     * @param forecasts     for a check, how long until each reading an {@code exhaustsWithin} rule watches runs out
     * @param routes        the route that runs a check, as Camel names it
     * @param configuration the configuration version in force and the last refused change
     */
    public StatusApi(CheckIndex checks, CheckStates states, ResultHistory history,
                     Function<CheckConfig, Map<String, Duration>> forecasts, Clock clock,
                     Function<CheckConfig, Optional<String>> routes,
                     java.util.function.Supplier<Map<String, Object>> configuration) {
        this(checks, states, history, forecasts, clock, routes, configuration, null);
    }

    /**
     * @param cluster in a cluster, the members and every location's view; the states shown are then the ones the
     *                leader decided. Null for a single instance.
     */
    public StatusApi(CheckIndex checks, CheckStates states, ResultHistory history,
                     Function<CheckConfig, Map<String, Duration>> forecasts, Clock clock,
                     Function<CheckConfig, Optional<String>> routes,
                     java.util.function.Supplier<Map<String, Object>> configuration, ClusterMembership cluster) {
        this.cluster = cluster != null && cluster.isClustered() ? cluster : null;
        this.checks = checks;
        this.states = states;
        this.history = history;
        this.forecasts = forecasts;
        this.clock = clock;
        this.routes = routes;
        this.configuration = configuration;
    }

    public ApiReply index() {
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("service", "sentinel");
        links.put("page", "/");
        links.put("status", "/api/status");
        links.put("check", "/api/checks/{id}");
        links.put("history", "/api/checks/{id}/history?limit=50");
        links.put("latency", "/api/latency");
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
            counts.merge(stateOf(check).state(), 1, Integer::sum);
            return item;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("generatedAt", clock.instant().toString());
        body.put("summary", counts);
        body.put("configuration", configuration.get());
        if (cluster != null) {
            cluster.describe().ifPresent(section -> body.put("cluster", section));
        }
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

    /** The last hour of every check's latency, one point a minute ({@link LatencySeries}). */
    public ApiReply latency() {
        Instant until = clock.instant();
        Instant from = until.minus(LatencySeries.WINDOW);
        List<String> ids = checks.checks().stream().map(CheckConfig::id).toList();
        Map<String, Object> series = new LinkedHashMap<>();
        LatencySeries.of(ids, history.latenciesSince(from, MAX_LATENCY_SAMPLES), from)
                .forEach((id, points) -> series.put(id, points.stream().map(LatencySeries.Point::asJson).toList()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from.toString());
        body.put("until", until.toString());
        body.put("bucketSeconds", LatencySeries.BUCKET.toSeconds());
        body.put("checks", series);
        return ApiReply.ok(body);
    }

    private ApiReply unknownCheck(String id) {
        return ApiReply.notFound("no check with id '" + id + "'; GET /api/status lists them");
    }

    /** Alone, the state this instance decided; in a cluster, the one the leader decided from every location. */
    private CheckState stateOf(CheckConfig check) {
        return cluster == null ? states.state(check.id())
                : cluster.decidedState(check.id()).orElseGet(() -> CheckState.unknown(check.id()));
    }

    private Map<String, Object> describe(CheckConfig check) {
        CheckState state = stateOf(check);
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
        if (cluster != null) {
            item.put("locations", cluster.locationsOf(check.id()));
        }
        Map<String, Double> runsOut = new LinkedHashMap<>();
        forecasts.apply(check).forEach((reading, left) -> runsOut.put(reading, Math.round(left.toMinutes() / 144.0) / 10.0));
        if (!runsOut.isEmpty()) {
            item.put("runsOutInDays", runsOut);
        }
        return item;
    }
}
