package io.sentinel.incident;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckIndex;
import io.sentinel.config.DependencyConfig;
import io.sentinel.config.SentinelConfig;
import io.sentinel.model.AlertEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the configuration says about how alerts relate: which dependencies depend on which ({@code dependsOn}),
 * which checks watch Sentinel's own connectivity, and how long a held dependent alert may take to recover on
 * its own after its parent did. That last one is read from the checks in force each time it is asked, so an
 * interval changed while the daemon runs (applied in place) changes how long the check's held alerts wait.
 */
public final class Topology {

    public static final Topology NONE = new Topology(Map.of(), Set.of(), Map.of(), Map.of());
    /** For an alert whose check or dependency is no longer configured: a check's usual recovery time. */
    static final Duration UNKNOWN_GRACE = Duration.ofMinutes(1);

    private final Map<String, List<String>> parents;
    private final Set<String> connectivityChecks;
    private final Function<AlertEvent, Optional<Duration>> grace;

    /**
     * @param parents            per dependency, the dependencies it depends on, in the order configured
     * @param connectivityChecks the checks that tell whether Sentinel itself reaches the network
     * @param checkGrace         per check, how long it may take to recover once its parent has
     * @param dependencyGrace    per dependency, the same for its alerts that are not about one check (its breaker)
     */
    public Topology(Map<String, List<String>> parents, Set<String> connectivityChecks, Map<String, Duration> checkGrace,
                    Map<String, Duration> dependencyGrace) {
        this(parents, connectivityChecks, fixed(Map.copyOf(checkGrace), Map.copyOf(dependencyGrace)));
    }

    private Topology(Map<String, List<String>> parents, Set<String> connectivityChecks,
                     Function<AlertEvent, Optional<Duration>> grace) {
        this.parents = Map.copyOf(parents);
        this.connectivityChecks = Set.copyOf(connectivityChecks);
        this.grace = grace;
    }

    /**
     * The relations of {@code config}, with recovery times read from {@code inForce}, the checks as a change applied
     * while running leaves them. A change to dependencies or to the connectivity checks rebuilds the daemon, and
     * with it this topology.
     */
    public static Topology of(SentinelConfig config, CheckIndex inForce) {
        Map<String, List<String>> parents = new HashMap<>();
        for (DependencyConfig dependency : config.dependencies()) {
            parents.put(dependency.id(), dependency.dependsOn());
        }
        Set<String> connectivity = new LinkedHashSet<>();
        config.checks().stream().filter(CheckConfig::connectivity).forEach(check -> connectivity.add(check.id()));
        return new Topology(parents, connectivity, event -> event.checkId() != null
                ? inForce.check(event.checkId()).map(Topology::recoveryTime)
                : dependencyRecovery(inForce, event.dependency()));
    }

    /**
     * A dependency's alert that is not about one check (its breaker) recovers once its slowest check has and its
     * breaker has waited out its open state.
     */
    private static Optional<Duration> dependencyRecovery(CheckIndex inForce, String dependency) {
        Optional<Duration> slowestCheck = inForce.checksOf(dependency).stream().map(Topology::recoveryTime)
                .max(Duration::compareTo);
        Optional<Duration> breaker = inForce.dependency(dependency).map(config -> config.breaker().waitInOpen());
        if (slowestCheck.isEmpty()) {
            return breaker;
        }
        return Optional.of(breaker.map(slowestCheck.get()::plus).orElse(slowestCheck.get()));
    }

    private static Function<AlertEvent, Optional<Duration>> fixed(Map<String, Duration> checkGrace,
                                                                  Map<String, Duration> dependencyGrace) {
        return event -> Optional.ofNullable(event.checkId() != null ? checkGrace.get(event.checkId())
                : dependencyGrace.get(event.dependency()));
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

    /** How long after its parent recovered a held alert is released if it is still firing, as configured now. */
    public Duration releaseGrace(AlertEvent event) {
        return grace.apply(event).orElse(UNKNOWN_GRACE);
    }
}
