package io.sentinel.daemon;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckKinds;
import io.sentinel.probe.ProbeSchedule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.builder.RouteBuilder;

/**
 * One route per configured check, made from its kind's route template in {@code routes/}. Route ids
 * ({@code check.<id>}) and node ids ({@code <id>.probe}) are stable across restarts because they come from
 * the check id, never from a counter.
 */
final class CheckRoutes extends RouteBuilder {

    private final List<CheckConfig> checks;
    private final CheckKinds kinds;

    CheckRoutes(List<CheckConfig> checks, CheckKinds kinds) {
        this.checks = checks;
        this.kinds = kinds;
    }

    static String routeId(CheckConfig check) {
        return "check." + check.id();
    }

    @Override
    public void configure() {
        Map<String, Duration> initialDelays = ProbeSchedule.initialDelays(checks);
        for (CheckConfig check : checks) {
            templatedRoute(kinds.get(check.kind()).routeTemplate())
                    .routeId(routeId(check))
                    .prefixId(check.id() + ".")
                    .parameter("checkId", check.id())
                    .parameter("dependency", check.dependency())
                    .parameter("intervalMs", String.valueOf(check.interval().toMillis()))
                    .parameter("initialDelayMs", String.valueOf(initialDelays.get(check.id()).toMillis()));
        }
    }
}
