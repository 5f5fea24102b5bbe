package io.sentinel.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole, validated configuration. Built only by {@link ConfigLoader}, which reports every problem before
 * anything starts.
 */
public record SentinelConfig(
        Path source,
        ServerConfig server,
        StorageConfig storage,
        CheckDefaults defaults,
        List<DependencyConfig> dependencies,
        List<CheckConfig> checks,
        AlertsConfig alerts,
        RoutesConfig routes,
        HeartbeatConfig heartbeat,
        ClusterConfig cluster) {

    public SentinelConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(routes, "routes");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(cluster, "cluster");
        dependencies = List.copyOf(dependencies);
        checks = List.copyOf(checks);
        for (CheckConfig check : checks) {
            if (dependencies.stream().noneMatch(d -> d.id().equals(check.dependency()))) {
                throw new IllegalArgumentException("check " + check.id() + " names unknown dependency " + check.dependency());
            }
        }
    }

    /** A configuration with no {@code routes:}, {@code heartbeat:} or {@code cluster:} section, for tests and tools. */
    public SentinelConfig(Path source, ServerConfig server, StorageConfig storage, CheckDefaults defaults,
                          List<DependencyConfig> dependencies, List<CheckConfig> checks, AlertsConfig alerts) {
        this(source, server, storage, defaults, dependencies, checks, alerts, RoutesConfig.NONE, HeartbeatConfig.NONE);
    }

    /** A single instance: no {@code cluster:} section. */
    public SentinelConfig(Path source, ServerConfig server, StorageConfig storage, CheckDefaults defaults,
                          List<DependencyConfig> dependencies, List<CheckConfig> checks, AlertsConfig alerts,
                          RoutesConfig routes, HeartbeatConfig heartbeat) {
        this(source, server, storage, defaults, dependencies, checks, alerts, routes, heartbeat, ClusterConfig.NONE);
    }

    public Optional<CheckConfig> check(String id) {
        return checks.stream().filter(check -> check.id().equals(id)).findFirst();
    }

    public Optional<DependencyConfig> dependency(String id) {
        return dependencies.stream().filter(dependency -> dependency.id().equals(id)).findFirst();
    }

    public List<CheckConfig> checksOf(String dependencyId) {
        return checks.stream().filter(check -> check.dependency().equals(dependencyId)).toList();
    }
}
