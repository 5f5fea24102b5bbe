package io.sentinel.api.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The methods a path answers to, for a 405's {@code Allow} header. Vert.x knows them while routing, but only
 * inside the router Camel mounts its routes on; the error reaches the outer router without them. So they
 * are read from the routes themselves: the REST routes of routes/api.yaml and the /observe endpoints.
 */
final class AllowedMethods {

    private final Supplier<? extends Collection<? extends Router>> routers;

    AllowedMethods(Supplier<? extends Collection<? extends Router>> routers) {
        this.routers = routers;
    }

    Set<String> of(String path) {
        Set<String> methods = new TreeSet<>();
        for (Router router : routers.get()) {
            for (Route route : router.getRoutes()) {
                Set<HttpMethod> restricted = route.methods();
                if (restricted != null && !restricted.isEmpty() && matches(route, path)) {
                    restricted.forEach(method -> methods.add(method.name()));
                }
            }
        }
        return methods;
    }

    /** Vert.x route paths: {@code /api/checks/:id} for exact paths, a prefix for wildcard ones. */
    static boolean matches(Route route, String path) {
        String template = route.getPath();
        if (template == null || path == null) {
            return false;
        }
        if (!route.isExactPath()) {
            return path.startsWith(template);
        }
        String[] expected = trimSlash(template).split("/", -1);
        String[] actual = trimSlash(path).split("/", -1);
        if (expected.length != actual.length) {
            return false;
        }
        for (int index = 0; index < expected.length; index++) {
            boolean parameter = expected[index].startsWith(":") && !actual[index].isEmpty();
            if (!parameter && !expected[index].equals(actual[index])) {
                return false;
            }
        }
        return true;
    }

    private static String trimSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
