package io.sentinel.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Constant-time lookup of checks and dependencies by id; the hot path asks on every probe. */
public final class CheckIndex {

    private final Map<String, CheckConfig> checks = new LinkedHashMap<>();
    private final Map<String, DependencyConfig> dependencies = new LinkedHashMap<>();

    public CheckIndex(SentinelConfig config) {
        config.checks().forEach(check -> checks.put(check.id(), check));
        config.dependencies().forEach(dependency -> dependencies.put(dependency.id(), dependency));
    }

    public Optional<CheckConfig> check(String id) {
        return Optional.ofNullable(checks.get(id));
    }

    public CheckConfig require(String id) {
        CheckConfig check = checks.get(id);
        if (check == null) {
            throw new IllegalArgumentException("no check is configured with id '" + id + "'");
        }
        return check;
    }

    public Optional<DependencyConfig> dependency(String id) {
        return Optional.ofNullable(dependencies.get(id));
    }

    public List<CheckConfig> checks() {
        return List.copyOf(checks.values());
    }

    public List<DependencyConfig> dependencies() {
        return List.copyOf(dependencies.values());
    }

    public List<CheckConfig> checksOf(String dependencyId) {
        return checks.values().stream().filter(check -> check.dependency().equals(dependencyId)).toList();
    }
}
