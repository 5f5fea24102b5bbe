package io.sentinel.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads the top-level {@code connectivity:} list: the ids of checks that watch Sentinel's own network, the same
 * as writing {@code connectivity: true} on each of them.
 */
final class ConnectivityReader {

    private ConnectivityReader() {
    }

    /** The checks, with those the list names marked as connectivity checks; unknown ids are problems. */
    static List<CheckConfig> mark(ConfigSection root, List<CheckConfig> checks) {
        Set<String> ids = new LinkedHashSet<>(checks.stream().map(CheckConfig::id).toList());
        Set<String> listed = new LinkedHashSet<>();
        for (ScalarNode item : root.scalarList("connectivity")) {
            String id = root.textOf(item).strip();
            if (ids.contains(id)) {
                listed.add(id);
            } else {
                root.problemAt(item, "connectivity names check " + ProblemText.quote(item.getValue())
                                + ", which is not defined under checks:",
                        Suggestions.nearest(id, ids).map(s -> "did you mean '" + s + "'? ").orElse("")
                                + (ids.isEmpty() ? "define it under checks:" : "defined: " + Suggestions.listed(ids)));
            }
        }
        return checks.stream().map(check -> listed.contains(check.id()) ? check.asConnectivityCheck() : check).toList();
    }
}
