package io.sentinel.routes;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.SentinelConfig;
import io.sentinel.probe.schedule.CheckScheduleComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.model.BeanDefinition;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.CircuitBreakerDefinition;
import org.apache.camel.model.EndpointRequiredDefinition;
import org.apache.camel.model.ExpressionNode;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.apache.camel.model.language.ExpressionDefinition;
import org.apache.camel.model.language.MethodCallExpression;
import org.apache.camel.support.EndpointHelper;
import org.apache.camel.util.URISupport;

/**
 * Looks at every route in a context that has not started and reports what would fail when it runs: a bean
 * no one binds, an endpoint scheme no component serves, a Kamelet or Kamelet parameter that does not exist,
 * a {@code direct:} endpoint nothing consumes, a check of kind {@code route} that no route runs. Each problem
 * names the route file and line.
 */
public final class RouteInspection {

    private static final String CHECK_SOURCE = "sentinel-check-source";

    private final CamelContext context;
    private final Set<String> boundBeans;
    private final KameletCatalog kamelets;
    private final List<RouteProblem> problems = new ArrayList<>();
    private final Set<String> consumedDirect = new HashSet<>();
    private final List<Pending> producedDirect = new ArrayList<>();
    private final Set<String> routedChecks = new HashSet<>();

    private record Pending(String name, String file, int line) {
    }

    private RouteInspection(CamelContext context, Set<String> boundBeans, KameletCatalog kamelets) {
        this.context = context;
        this.boundBeans = boundBeans;
        this.kamelets = kamelets;
    }

    /**
     * @param boundBeans the bean names the daemon binds for this configuration
     */
    public static List<RouteProblem> inspect(CamelContext context, SentinelConfig config, Set<String> boundBeans,
                                             KameletCatalog kamelets) {
        RouteInspection inspection = new RouteInspection(context, boundBeans, kamelets);
        for (RouteDefinition route : ((ModelCamelContext) context).getRouteDefinitions()) {
            inspection.route(route);
        }
        inspection.unconsumedDirect();
        inspection.unroutedChecks(config);
        return List.copyOf(inspection.problems);
    }

    private void route(RouteDefinition route) {
        if (route.getInput() != null) {
            String uri = route.getInput().getEndpointUri();
            endpoint(uri, route, true);
        }
        for (ProcessorDefinition<?> step : route.getOutputs()) {
            step(step, route);
        }
    }

    private void step(ProcessorDefinition<?> step, RouteDefinition route) {
        if (step instanceof BeanDefinition bean && bean.getRef() != null) {
            bean(bean.getRef(), line(step, route), route);
        }
        if (step instanceof ExpressionNode node && node.getExpression() != null) {
            expression(node.getExpression(), line(step, route), route);
        }
        if (step instanceof CircuitBreakerDefinition breaker) {
            if (breaker.getResilience4jConfiguration() != null && breaker.getResilience4jConfiguration().getCircuitBreaker() != null) {
                bean(breaker.getResilience4jConfiguration().getCircuitBreaker(), line(step, route), route);
            }
            if (breaker.getOnFallback() != null) {
                breaker.getOnFallback().getOutputs().forEach(inner -> step(inner, route));
            }
        }
        if (step instanceof ToDynamicDefinition dynamic) {
            endpoint(dynamic.getUri(), route, false, step);
        } else if (step instanceof EndpointRequiredDefinition send) {
            endpoint(send.getEndpointUri(), route, false, step);
        }
        if (step instanceof ChoiceDefinition choice) {
            choice.getWhenClauses().forEach(when -> {
                expression(when.getExpression(), when.getLineNumber() > 0 ? when.getLineNumber() : line(step, route), route);
                when.getOutputs().forEach(inner -> step(inner, route));
            });
            if (choice.getOtherwise() != null) {
                choice.getOtherwise().getOutputs().forEach(inner -> step(inner, route));
            }
            return;
        }
        for (ProcessorDefinition<?> inner : step.getOutputs()) {
            step(inner, route);
        }
    }

    private void expression(ExpressionDefinition expression, int line, RouteDefinition route) {
        if (expression instanceof MethodCallExpression method && method.getRef() != null) {
            bean(method.getRef(), line, route);
        }
    }

    private void bean(String name, int line, RouteDefinition route) {
        if (name.contains("{{") || boundBeans.contains(name) || context.getRegistry().lookupByName(name) != null) {
            return;
        }
        problems.add(new RouteProblem(file(route), line, "no bean is named '" + name + "'",
                io.sentinel.config.Suggestions.nearest(name, boundBeans).map(near -> "did you mean '" + near + "'?")
                        .orElse("use one of Sentinel's beans (docs/routes.md) or declare your own under beans:")));
    }

    private void endpoint(String uri, RouteDefinition route, boolean consumer) {
        endpoint(uri, route, consumer, null);
    }

    private void endpoint(String uri, RouteDefinition route, boolean consumer, ProcessorDefinition<?> step) {
        if (uri == null || uri.isBlank() || uri.contains("${")) {
            return;
        }
        int line = step == null ? Math.max(0, route.getLineNumber()) : line(step, route);
        int colon = uri.indexOf(':');
        String scheme = colon > 0 ? uri.substring(0, colon) : uri;
        if (scheme.contains("{{")) {
            return;
        }
        if (!knownScheme(scheme)) {
            problems.add(new RouteProblem(file(route), line, "no Camel component serves '" + scheme + ":'",
                    "check the spelling; the components in this build are those of camel-main and the ones in docs/routes.md"));
            return;
        }
        String remainder = uri.substring(colon + 1);
        String path = remainder.contains("?") ? remainder.substring(0, remainder.indexOf('?')) : remainder;
        Map<String, Object> parameters = parameters(uri);
        if (scheme.equals("direct")) {
            String name = path.startsWith("//") ? path.substring(2) : path;
            if (consumer) {
                consumedDirect.add(name);
            } else {
                producedDirect.add(new Pending(name, file(route), line));
            }
        } else if (scheme.equals("kamelet")) {
            kamelet(path, parameters, route, line);
        } else if (scheme.equals(CheckScheduleComponent.SCHEME) && parameters.get("check") != null) {
            routedChecks.add(String.valueOf(parameters.get("check")));
        }
    }

    private void kamelet(String path, Map<String, Object> parameters, RouteDefinition route, int line) {
        String name = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
        if (name.equals("source") || name.equals("sink") || name.contains("{{")) {
            return;
        }
        Optional<KameletCatalog.Kamelet> kamelet = kamelets.find(name);
        if (kamelet.isEmpty()) {
            problems.add(new RouteProblem(file(route), line, "no Kamelet is named '" + name + "'",
                    "Kamelets here: " + String.join(", ", kamelets.names()) + " (an operator's own goes in the routes"
                            + " directory as <name>.kamelet.yaml)"));
            return;
        }
        for (String required : kamelet.get().required()) {
            if (!parameters.containsKey(required)) {
                problems.add(new RouteProblem(file(route), line, "Kamelet '" + name + "' needs the parameter '" + required + "'",
                        "add ?" + required + "=… to the kamelet: URI or under parameters:"));
            }
        }
        for (String given : parameters.keySet()) {
            if (!kamelet.get().known().contains(given)) {
                problems.add(new RouteProblem(file(route), line, "Kamelet '" + name + "' has no parameter '" + given + "'",
                        "its parameters: " + String.join(", ", kamelet.get().known())));
            }
        }
        // a check is run by a route that starts from the source for it, or by a route on its own timer that hands
        // results for it to the judge or the sink
        if (parameters.get("check") != null) {
            routedChecks.add(String.valueOf(parameters.get("check")));
        }
    }

    private boolean knownScheme(String scheme) {
        if (scheme.equals(CheckScheduleComponent.SCHEME) || boundBeans.contains(scheme)
                || context.getRegistry().lookupByName(scheme) != null) {
            return true;
        }
        try {
            return org.apache.camel.support.PluginHelper.getComponentResolver(context).resolveComponent(scheme, context) != null;
        } catch (Exception unresolvable) {
            return false;
        }
    }

    private void unconsumedDirect() {
        for (Pending send : producedDirect) {
            if (!consumedDirect.contains(send.name()) && !send.name().contains("{{")) {
                problems.add(new RouteProblem(send.file(), send.line(), "nothing consumes direct:" + send.name(),
                        "add a route starting from direct:" + send.name() + ", or send to one that exists (e.g. direct:results)"));
            }
        }
    }

    private void unroutedChecks(SentinelConfig config) {
        for (CheckConfig check : config.checks()) {
            if (check.kind().equals(RouteCheckKind.NAME) && !routedChecks.contains(check.id())) {
                problems.add(new RouteProblem(config.source().toString(), 0, "check '" + check.id()
                        + "' is of kind route, but no route runs it",
                        "start a route from kamelet:" + CHECK_SOURCE + "?check=" + check.id() + ", or name the check"
                                + " in the sentinel-result-sink of a route on its own timer (docs/routes.md)"));
            }
        }
    }

    private static Map<String, Object> parameters(String uri) {
        try {
            return URISupport.parseParameters(new java.net.URI(EndpointHelper.normalizeEndpointUri(uri)));
        } catch (Exception unparsable) {
            return Map.of();
        }
    }

    private static String file(RouteDefinition route) {
        String location = route.getLocation();
        return location == null ? "(routes)" : location.replaceFirst("^file:", "");
    }

    private static int line(ProcessorDefinition<?> step, RouteDefinition route) {
        return step.getLineNumber() > 0 ? step.getLineNumber() : Math.max(0, route.getLineNumber());
    }
}
