package io.sentinel.kamelet;

import io.sentinel.config.AlertsConfig;
import io.sentinel.config.BreakerSettings;
import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckDefaults;
import io.sentinel.config.CheckIndex;
import io.sentinel.config.CheckOptions;
import io.sentinel.config.DependencyConfig;
import io.sentinel.config.SentinelConfig;
import io.sentinel.config.ServerConfig;
import io.sentinel.config.StorageConfig;
import io.sentinel.secret.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/** Checks of kind {@code route} and YAML route loading for the route and Kamelet tests. */
public final class RouteTesting {

    /** The kind a check probed by an operator's route has; its options are the route's business. */
    public static final String ROUTE_KIND = "route";
    private static final CheckOptions NO_OPTIONS = new CheckOptions() {
    };

    private RouteTesting() {
    }

    public static CheckConfig routeCheck(String id, String dependency) {
        return CheckConfig.builder(id, dependency, ROUTE_KIND, NO_OPTIONS).build();
    }

    public static CheckConfig routeCheck(String id, String dependency, Duration latencyLimit) {
        return CheckConfig.builder(id, dependency, ROUTE_KIND, NO_OPTIONS).latencyLimit(latencyLimit).build();
    }

    /** An index of these checks, each dependency made up from the checks' own. */
    public static CheckIndex index(CheckConfig... checks) {
        List<DependencyConfig> dependencies = Arrays.stream(checks).map(CheckConfig::dependency).distinct()
                .map(id -> new DependencyConfig(id, "", BreakerSettings.DEFAULTS)).toList();
        return new CheckIndex(new SentinelConfig(Path.of("test.yaml"), new ServerConfig("127.0.0.1", 0, 1, Secret.none()),
                new StorageConfig(StorageConfig.DEFAULT_URL, "sa", Secret.none(), Path.of("reports"), Duration.ofDays(1)),
                CheckDefaults.STANDARD, dependencies, List.of(checks), AlertsConfig.logOnly()));
    }

    /** {@code direct:results}, the pipeline's door, ending in {@code mock:results}. */
    public static RoutesBuilder resultsToMock() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:results").routeId("results").to("mock:results");
            }
        };
    }

    /** Adds the routes of a YAML text, as camel-main would load a file of {@code routes/}. */
    public static void loadYaml(CamelContext camel, String name, String yaml) throws Exception {
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString(name, yaml));
    }

    /** Adds the routes of a YAML file of the project, such as {@code routes/examples/heartbeat.yaml}. */
    public static void loadFile(CamelContext camel, Path file) throws Exception {
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveMandatoryResource(camel,
                "file:" + file.toAbsolutePath()));
    }
}
