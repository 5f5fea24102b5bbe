package io.sentinel.routes;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * What {@link RouteLoader} put into the context.
 *
 * @param builtIn    ids of the built-in routes
 * @param byFile     ids of the routes each operator file added
 * @param overridden built-in route ids an operator's route replaced
 */
public record LoadedRoutes(Set<String> builtIn, Map<Path, Set<String>> byFile, Set<String> overridden) {

    public LoadedRoutes {
        builtIn = Set.copyOf(builtIn);
        byFile = Map.copyOf(byFile);
        overridden = Set.copyOf(overridden);
    }
}
