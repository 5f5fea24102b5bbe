package io.sentinel.routes;

import io.sentinel.config.RoutesConfig;
import io.sentinel.secret.Redactor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Puts the routes into a Camel context that has not started: the built-in routes from the jar, always, then
 * the operator's files, which add routes and may replace a built-in one only where {@code routes.override}
 * says so. The daemon and {@code validate} load routes through this one class, so what validates is what
 * runs.
 */
public final class RouteLoader {

    private RouteLoader() {
    }

    public static LoadedRoutes load(CamelContext context, RouteFiles files, RoutesConfig config, Path configFile)
            throws InvalidRoutesException {
        List<RouteProblem> problems = new ArrayList<>();
        ModelCamelContext model = (ModelCamelContext) context;
        try {
            List<Resource> builtIns = new ArrayList<>();
            for (String name : BuiltInResources.ROUTES) {
                builtIns.add(ResourceHelper.resolveMandatoryResource(context, "classpath:" + BuiltInResources.ROUTES_FOLDER + name));
            }
            PluginHelper.getRoutesLoader(context).loadRoutes(builtIns);
        } catch (Exception broken) {
            throw new IllegalStateException("the built-in routes do not load: " + Redactor.global().describe(broken), broken);
        }
        Set<String> builtInIds = ids(model);
        for (String id : config.override()) {
            if (!builtInIds.contains(id)) {
                problems.add(new RouteProblem(configFile.toString(), 0, "routes.override names '" + id
                        + "', which is not a built-in route", "built-in routes: " + String.join(", ", builtInIds)));
            }
        }
        for (String missing : files.missing()) {
            problems.add(new RouteProblem(configFile.toString(), 0, "routes.include names '" + missing
                    + "', which is not a file in the routes directory " + files.directory().map(Path::toString).orElse("(none)"),
                    "create the file or remove it from routes.include"));
        }
        Map<Path, Set<String>> byFile = new LinkedHashMap<>();
        for (Path file : files.files()) {
            Set<String> before = ids(model);
            try {
                List<RouteDefinition> existing = new ArrayList<>(model.getRouteDefinitions());
                PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveResource(context, "file:" + file));
                Set<String> added = new TreeSet<>(ids(model));
                added.removeAll(before);
                for (RouteDefinition replaced : replacedBy(existing, model, file)) {
                    added.add(replaced.getId());
                    if (!config.override().contains(replaced.getId())) {
                        problems.add(new RouteProblem(file.toString(), lineOf(model, replaced.getId()), "route id '"
                                + replaced.getId() + "' is already used by "
                                + (builtInIds.contains(replaced.getId()) ? "a built-in route" : origin(replaced)),
                                builtInIds.contains(replaced.getId())
                                        ? "to replace the built-in route, add it to routes.override in " + configFile
                                        : "give this route another id"));
                    }
                }
                byFile.put(file, added);
            } catch (Exception unreadable) {
                problems.add(unreadable(file, unreadable));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRoutesException(problems);
        }
        return new LoadedRoutes(builtInIds, byFile, Set.copyOf(config.override()));
    }

    /** Definitions that were in the model before the file loaded and are now replaced by one of the same id. */
    private static List<RouteDefinition> replacedBy(List<RouteDefinition> before, ModelCamelContext model, Path file) {
        List<RouteDefinition> replaced = new ArrayList<>();
        for (RouteDefinition old : before) {
            RouteDefinition now = model.getRouteDefinition(old.getId());
            if (now != null && now != old) {
                replaced.add(old);
            }
        }
        return replaced;
    }

    private static String origin(RouteDefinition definition) {
        String location = definition.getLocation();
        if (location == null) {
            return "another route";
        }
        return location.replaceFirst("^file:", "") + (definition.getLineNumber() > 0 ? ":" + definition.getLineNumber() : "");
    }

    private static int lineOf(ModelCamelContext model, String id) {
        RouteDefinition definition = model.getRouteDefinition(id);
        return definition == null ? 0 : Math.max(0, definition.getLineNumber());
    }

    static Set<String> ids(ModelCamelContext model) {
        Set<String> ids = new TreeSet<>();
        model.getRouteDefinitions().forEach(definition -> ids.add(definition.getId()));
        return ids;
    }

    /** A file Camel cannot read as YAML routes: the line of the YAML problem when there is one. */
    static RouteProblem unreadable(Path file, Exception failure) {
        int line = 0;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYamlEngineException marked && marked.getProblemMark().isPresent()) {
                line = marked.getProblemMark().get().getLine() + 1;
                break;
            }
        }
        return new RouteProblem(file.toString(), line, "not loadable as Camel YAML routes: "
                + Redactor.global().describe(rootCause(failure)),
                "see docs/routes.md for the shapes a route file may hold");
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
