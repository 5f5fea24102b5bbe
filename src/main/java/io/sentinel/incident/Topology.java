package io.sentinel.incident;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.DependencyConfig;
import io.sentinel.config.SentinelConfig;
import io.sentinel.model.AlertEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the configuration says about how alerts relate: which dependencies depend on which ({@code dependsOn}),
 * which checks watch Sentinel's own connectivity, and how long a held dependent alert may take to recover on
 * its own after its parent did.
 */
public final class Topology {

    public static final Topology NONE = new Topology(Map.of(), Set.of(), Map.of(), Map.of());

    private final Map<String, List<String>> parents;
    private final Set<String> connectivityChecks;
    private final Map<String, Duration> checkGrace;
    private final Map<String, Duration> dependencyGrace;

    /**
     * @param parents            per dependency, the dependencies it depends on, in the order configured
     * @param connectivityChecks the checks that tell whether Sentinel itself reaches the network
     * @param checkGrace         per check, how long it may take to recover once its parent has
     * @param dependencyGrace    per dependency, the same for its alerts that are not about one check (its breaker)
     */
    public Topology(Map<String, List<String>> parents, Set<String> connectivityChecks, Map<String, Duration> checkGrace,
                    Map<String, Duration> dependencyGrace) {
        this.parents = Map.copyOf(parents);
        this.connectivityChecks = Set.copyOf(connectivityChecks);
        this.checkGrace = Map.copyOf(checkGrace);
        this.dependencyGrace = Map.copyOf(dependencyGrace);
    }

    public static Topology of(SentinelConfig config) {
        Map<String, List<String>> parents = new HashMap<>();
        Map<String, Duration> checkGrace = new HashMap<>();
        Map<String, Duration> dependencyGrace = new HashMap<>();
        Set<String> connectivity = new LinkedHashSet<>();
        for (CheckConfig check : config.checks()) {
            checkGrace.put(check.id(), recoveryTime(check));
            dependencyGrace.merge(check.dependency(), recoveryTime(check), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            if (check.connectivity()) {
                connectivity.add(check.id());
            }
        }
        for (DependencyConfig dependency : config.dependencies()) {
            parents.put(dependency.id(), dependency.dependsOn());
            dependencyGrace.merge(dependency.id(), dependency.breaker().waitInOpen(), Duration::plus);
        }
        return new Topology(parents, connectivity, checkGrace, dependencyGrace);
    }

    /**
     * How long a check needs to come back once its cause is gone: enough good probes in a row, each a full
     * interval apart and as slow as the timeout allows.
     */
    private static Duration recoveryTime(CheckConfig check) {
        return check.interval().plus(check.timeout()).multipliedBy(check.successThreshold());
    }

    public List<String> parents(String dependency) {
        return parents.getOrDefault(dependency, List.of());
    }

    public boolean isConnectivityCheck(String checkId) {
        return checkId != null && connectivityChecks.contains(checkId);
    }

    public Set<String> connectivityChecks() {
        return connectivityChecks;
    }

    /** How long after its parent recovered a held alert is released if it is still firing. */
    public Duration releaseGrace(AlertEvent event) {
        Duration grace = event.checkId() != null ? checkGrace.get(event.checkId()) : dependencyGrace.get(event.dependency());
        return grace != null ? grace : Duration.ofMinutes(1);
    }
}
