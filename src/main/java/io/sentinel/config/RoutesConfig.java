package io.sentinel.config;

import java.util.List;
import java.util.Set;

/**
 * The {@code routes:} section: which of the operator's route files beyond the top level of the routes
 * directory are loaded, and which built-in routes the operator's routes replace.
 *
 * <pre>
 * routes:
 *   include: [examples/heartbeat.yaml]   # relative to the routes directory
 *   override: [alerts]                   # built-in route ids an operator's route of the same id replaces
 * </pre>
 *
 * Whether the files exist and what their routes are is checked when the routes are loaded, with the
 * configuration, before anything starts.
 *
 * @param include  route files under the routes directory to load besides its top-level {@code *.yaml}
 * @param override ids of built-in routes that an operator's route with the same id replaces
 */
public record RoutesConfig(List<String> include, Set<String> override) {

    public static final RoutesConfig NONE = new RoutesConfig(List.of(), Set.of());

    public RoutesConfig {
        include = List.copyOf(include);
        override = Set.copyOf(override);
        for (String file : include) {
            if (!isPlainRelativeYaml(file)) {
                throw new IllegalArgumentException("routes.include names " + file + ", not a relative .yaml path");
            }
        }
    }

    /** A path inside the routes directory: relative, no {@code ..}, ending in {@code .yaml}. */
    public static boolean isPlainRelativeYaml(String file) {
        return file.endsWith(".yaml") && !file.startsWith("/") && !file.contains("\\")
                && List.of(file.split("/")).stream().noneMatch(part -> part.isEmpty() || part.equals("..") || part.equals("."));
    }
}
