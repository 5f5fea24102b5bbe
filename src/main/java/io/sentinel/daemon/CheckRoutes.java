package io.sentinel.daemon;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckKinds;
import io.sentinel.probe.ProbeKind;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.builder.RouteBuilder;

/**
 * The probe routes: one from the built-in {@code probe} template for each check kind and dependency the
 * configuration uses, however many checks share them (route id {@code probe.<kind>.<dependency>}). Checks of
 * kind {@code route} are run by the operator's routes instead.
 */
final class CheckRoutes extends RouteBuilder {

    static final String TEMPLATE = "probe";

    /** A kind and a dependency that share one probe route. */
    record ProbeRoute(String kind, String dependency) {

        String routeId() {
            return "probe." + kind + "." + dependency;
        }
    }

    private final Collection<ProbeRoute> routes;

    CheckRoutes(Collection<ProbeRoute> routes) {
        this.routes = List.copyOf(routes);
    }

    /** The probe routes a set of checks needs. */
    static Set<ProbeRoute> needed(List<CheckConfig> checks, CheckKinds kinds) {
        Set<ProbeRoute> needed = new LinkedHashSet<>();
        for (CheckConfig check : checks) {
            if (kinds.find(check.kind()).filter(ProbeKind.class::isInstance).isPresent()) {
                needed.add(new ProbeRoute(check.kind(), check.dependency()));
            }
        }
        return needed;
    }

    @Override
    public void configure() {
        for (ProbeRoute route : routes) {
            templatedRoute(TEMPLATE)
                    .routeId(route.routeId())
                    .prefixId(route.kind() + "." + route.dependency() + ".")
                    .parameter("kind", route.kind())
                    .parameter("dependency", route.dependency());
        }
    }
}
