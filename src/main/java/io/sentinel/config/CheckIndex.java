package io.sentinel.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Constant-time lookup of checks and dependencies by id; the hot path asks on every probe. A configuration
 * change applied while running replaces the whole index at once, so a reader sees either the old checks or
 * the new ones, never a mix.
 */
public final class CheckIndex {

    private record Snapshot(Map<String, CheckConfig> checks, Map<String, DependencyConfig> dependencies) {
    }

    private volatile Snapshot snapshot;

    public CheckIndex(SentinelConfig config) {
        replace(config);
    }

    /** Serves the checks and dependencies of a changed configuration from now on. */
    public void replace(SentinelConfig config) {
        Map<String, CheckConfig> checks = new LinkedHashMap<>();
        Map<String, DependencyConfig> dependencies = new LinkedHashMap<>();
        config.checks().forEach(check -> checks.put(check.id(), check));
        config.dependencies().forEach(dependency -> dependencies.put(dependency.id(), dependency));
        snapshot = new Snapshot(checks, dependencies);
    }

    public Optional<CheckConfig> check(String id) {
        return Optional.ofNullable(snapshot.checks.get(id));
    }

    public CheckConfig require(String id) {
        CheckConfig check = snapshot.checks.get(id);
        if (check == null) {
            throw new IllegalArgumentException("no check is configured with id '" + id + "'");
        }
        return check;
    }

    public Optional<DependencyConfig> dependency(String id) {
        return Optional.ofNullable(snapshot.dependencies.get(id));
    }

    public List<CheckConfig> checks() {
        return List.copyOf(snapshot.checks.values());
    }

    public List<DependencyConfig> dependencies() {
        return List.copyOf(snapshot.dependencies.values());
    }

    public List<CheckConfig> checksOf(String dependencyId) {
        return snapshot.checks.values().stream().filter(check -> check.dependency().equals(dependencyId)).toList();
    }
}
