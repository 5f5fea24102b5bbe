package io.sentinel.cli.check;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.DependencyConfig;
import io.sentinel.config.SentinelConfig;
import io.sentinel.config.Suggestions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which checks {@code sentinel check} runs: all of them, or those named by id or by dependency. */
public final class CheckSelection {

    private CheckSelection() {
    }

    /**
     * The checks named by {@code only} or watching one of {@code dependencies}, in the configuration's order; every
     * check when both are empty. A configuration without checks is refused too: a CI job that checked nothing has
     * not passed. An id the configuration does not define is an {@link IllegalArgumentException}
     * naming the nearest one: a typo in a CI script must fail the job, not pass it with nothing checked.
     */
    public static List<CheckConfig> select(SentinelConfig config, List<String> only, List<String> dependencies) {
        Set<String> checkIds = new LinkedHashSet<>(config.checks().stream().map(CheckConfig::id).toList());
        Set<String> dependencyIds = new LinkedHashSet<>(config.dependencies().stream().map(DependencyConfig::id).toList());
        only.forEach(id -> requireKnown(id, checkIds, "check"));
        dependencies.forEach(id -> requireKnown(id, dependencyIds, "dependency"));
        if (config.checks().isEmpty()) {
            throw new IllegalArgumentException("the configuration " + config.source() + " defines no checks: nothing to check");
        }
        if (only.isEmpty() && dependencies.isEmpty()) {
            return config.checks();
        }
        return config.checks().stream()
                .filter(check -> only.contains(check.id()) || dependencies.contains(check.dependency()))
                .toList();
    }

    private static void requireKnown(String id, Set<String> known, String what) {
        if (!known.contains(id)) {
            String hint = Suggestions.nearest(id, known).map(nearest -> "; did you mean '" + nearest + "'?")
                    .orElse("; sentinel validate lists how many there are, the configuration names them");
            throw new IllegalArgumentException("no " + what + " with id '" + id + "' in the configuration" + hint);
        }
    }
}
