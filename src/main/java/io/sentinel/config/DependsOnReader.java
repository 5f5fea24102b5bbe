package io.sentinel.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads each dependency's {@code dependsOn} and checks the whole graph once every dependency is known: each
 * name must be a defined dependency other than itself, and no dependency may depend on itself through others.
 * Every problem is reported at the list item that causes it.
 */
final class DependsOnReader {

    private record Item(String dependency, String parent, ScalarNode at, ConfigSection section) {
    }

    private final List<Item> items = new ArrayList<>();

    /** Reads one dependency's {@code dependsOn:} list; judged later, in {@link #check}. */
    void read(String dependency, ConfigSection section) {
        Set<String> seen = new HashSet<>();
        for (ScalarNode item : section.scalarList("dependsOn")) {
            String parent = section.textOf(item).strip();
            if (!seen.add(parent)) {
                section.problemAt(item, "dependsOn names '" + parent + "' twice", "list each dependency once");
            } else {
                items.add(new Item(dependency, parent, item, section));
            }
        }
    }

    /**
     * Checks every name against {@code defined} and the graph for cycles.
     *
     * @return per dependency, the parents that passed, in the order written
     */
    Map<String, List<String>> check(Set<String> defined) {
        Map<String, List<String>> parents = new LinkedHashMap<>();
        for (Item item : items) {
            if (item.parent().equals(item.dependency())) {
                item.section().problemAt(item.at(), "dependency '" + item.dependency() + "' cannot depend on itself",
                        "list only the other dependencies it needs");
            } else if (!defined.contains(item.parent())) {
                Set<String> others = new LinkedHashSet<>(defined);
                others.remove(item.dependency());
                item.section().problemAt(item.at(), "dependsOn names " + ProblemText.quote(item.at().getValue())
                                + ", which is not defined under dependencies:",
                        Suggestions.nearest(item.parent(), others).map(s -> "did you mean '" + s + "'? ").orElse("")
                                + (others.isEmpty() ? "define it under dependencies:" : "defined: " + Suggestions.listed(others)));
            } else if (cycle(parents, item.dependency(), item.parent()).isPresent()) {
                item.section().problemAt(item.at(), "dependsOn forms a cycle: "
                                + String.join(" → ", cycle(parents, item.dependency(), item.parent()).get()),
                        "a dependency cannot depend on itself through others; remove one of these dependsOn entries");
            } else if (defined.contains(item.dependency())) {
                parents.computeIfAbsent(item.dependency(), id -> new ArrayList<>()).add(item.parent());
            }
        }
        return parents;
    }

    /**
     * The cycle that adding {@code dependency → parent} to the accepted edges would close, written from
     * {@code dependency} back to itself; empty when there is none.
     */
    private static Optional<List<String>> cycle(Map<String, List<String>> parents, String dependency, String parent) {
        List<String> path = new ArrayList<>(List.of(dependency));
        return reaches(parents, parent, dependency, path, new HashSet<>()) ? Optional.of(path) : Optional.empty();
    }

    private static boolean reaches(Map<String, List<String>> parents, String from, String target, List<String> path,
                                   Set<String> visited) {
        path.add(from);
        if (from.equals(target)) {
            return true;
        }
        if (visited.add(from)) {
            for (String next : parents.getOrDefault(from, List.of())) {
                if (reaches(parents, next, target, path, visited)) {
                    return true;
                }
            }
        }
        path.remove(path.size() - 1);
        return false;
    }
}
