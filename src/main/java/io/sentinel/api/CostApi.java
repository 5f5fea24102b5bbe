package io.sentinel.api;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckIndex;
import io.sentinel.config.DependencyConfig;
import io.sentinel.cost.ProbeCosts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/costs}: what probes cost per dependency today, against each daily budget. */
public final class CostApi {

    private final CheckIndex checks;
    private final ProbeCosts costs;

    public CostApi(CheckIndex checks, ProbeCosts costs) {
        this.checks = checks;
        this.costs = costs;
    }

    public ApiReply costs() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("day", costs.today().toString());
        body.put("currency", "USD");
        List<Map<String, Object>> dependencies = checks.dependencies().stream().map(this::describe).toList();
        body.put("dependencies", dependencies);
        body.put("spentToday", dependencies.stream().mapToDouble(item -> (double) item.get("spentToday")).sum());
        return ApiReply.ok(body);
    }

    private Map<String, Object> describe(DependencyConfig dependency) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("dependency", dependency.id());
        item.put("spentToday", costs.spentToday(dependency.id()));
        dependency.dailyBudget().ifPresent(budget -> item.put("dailyBudget", budget));
        Map<String, Object> perCheck = new LinkedHashMap<>();
        for (CheckConfig check : checks.checksOf(dependency.id())) {
            perCheck.put(check.id(), costs.costPerCall(check));
        }
        item.put("costPerCall", perCheck);
        return item;
    }
}
