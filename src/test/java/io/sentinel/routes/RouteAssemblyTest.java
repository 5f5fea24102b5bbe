package io.sentinel.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentinel.config.ConfigLoader;
import io.sentinel.config.SentinelConfig;
import io.sentinel.daemon.BuiltInKinds;
import io.sentinel.daemon.RouteAssembly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code validate} and a live change say about the operator's routes: each problem with its file and
 * line, built-ins always there, an operator's route replacing one only when the configuration says so.
 */
class RouteAssemblyTest {

    private static final String CHECKS = """
            dependencies:
              - id: web
              - id: partner
            checks:
              - {id: home, dependency: web, kind: http, url: "http://127.0.0.1:9/"}
            """;

    @TempDir
    Path directory;

    @Test
    void theBuiltInRoutesAndOneProbeRoutePerKindAndDependencyAssembleWithoutARoutesDirectory() throws Exception {
        LoadedRoutes loaded = RouteAssembly.validate(config(CHECKS), directory.resolve("absent"));

        assertThat(loaded.builtIn()).contains("results", "alerts", "pending-alerts");
        assertThat(loaded.byFile()).isEmpty();
    }

    @Test
    void anOperatorsFileAddsItsRoutes() throws Exception {
        Path file = route("heartbeat.yaml", """
                - route:
                    id: my-heartbeat
                    from:
                      uri: timer:beat?period=60000
                      steps:
                        - log: beat
                """);

        LoadedRoutes loaded = RouteAssembly.validate(config(CHECKS), directory);

        assertThat(loaded.byFile()).containsEntry(file, java.util.Set.of("my-heartbeat"));
    }

    @Test
    void aRouteWithABuiltInIdIsRefusedUnlessTheConfigurationOverridesIt() throws Exception {
        route("alerts.yaml", """
                - route:
                    id: alerts
                    from:
                      uri: direct:alerts
                      steps:
                        - log: mine
                """);

        assertThat(problems(CHECKS)).singleElement().asString()
                .contains("alerts.yaml:1: route id 'alerts' is already used by a built-in route", "routes.override");

        LoadedRoutes loaded = RouteAssembly.validate(config(CHECKS + "routes:\n  override: [alerts]\n"), directory);
        assertThat(loaded.overridden()).containsExactly("alerts");
    }

    @Test
    void aBeanNoOneBindsIsNamedWithItsLine() throws Exception {
        route("mine.yaml", """
                - route:
                    id: mine
                    from:
                      uri: timer:mine
                      steps:
                        - log: first
                        - bean:
                            ref: rulez
                            method: decide
                """);

        assertThat(problems(CHECKS)).singleElement().asString()
                .isEqualTo(directory.resolve("mine.yaml") + ":7: no bean is named 'rulez' — did you mean 'rules'?");
    }

    @Test
    void anUnknownSchemeAndADirectEndpointNothingConsumesAreRefused() throws Exception {
        route("mine.yaml", """
                - route:
                    id: mine
                    from:
                      uri: timer:mine
                      steps:
                        - to: htp://example.com
                        - to: direct:resluts
                """);

        assertThat(problems(CHECKS)).extracting(Object::toString).containsExactly(
                directory.resolve("mine.yaml") + ":6: no Camel component serves 'htp:'"
                        + " — check the spelling; the components in this build are those of camel-main and the ones"
                        + " in docs/routes.md",
                directory.resolve("mine.yaml") + ":7: nothing consumes direct:resluts — add a route starting from"
                        + " direct:resluts, or send to one that exists (e.g. direct:results)");
    }

    @Test
    void kameletsAndTheirParametersAreChecked() throws Exception {
        route("mine.yaml", """
                - route:
                    id: mine
                    from:
                      uri: kamelet:sentinel-check-source
                      steps:
                        - to: kamelet:no-such-kamelet
                - route:
                    id: mine-too
                    from:
                      uri: kamelet:sentinel-check-source?chek=partner-login
                      steps:
                        - log: x
                """);

        assertThat(problems(CHECKS)).extracting(Object::toString).anySatisfy(p -> assertThat(p)
                        .contains("mine.yaml:1: Kamelet 'sentinel-check-source' needs the parameter 'check'"))
                .anySatisfy(p -> assertThat(p).contains("mine.yaml:6: no Kamelet is named 'no-such-kamelet'"))
                .anySatisfy(p -> assertThat(p).contains("Kamelet 'sentinel-check-source' has no parameter 'chek'"));
    }

    @Test
    void aCheckOfKindRouteNeedsARouteThatRunsIt() throws Exception {
        String config = CHECKS + "  - {id: partner-login, dependency: partner, kind: route}\n";

        assertThat(problems(config)).singleElement().asString()
                .contains("check 'partner-login' is of kind route, but no route runs it",
                        "kamelet:sentinel-check-source?check=partner-login");

        route("partner.yaml", """
                - route:
                    id: partner-login
                    from:
                      uri: kamelet:sentinel-check-source?check=partner-login
                      steps:
                        - log: probing
                """);
        RouteAssembly.validate(config(config), directory);
    }

    @Test
    void aFileThatIsNotYamlIsNamedWithTheLineOfTheProblem() throws Exception {
        route("broken.yaml", """
                - route:
                    id: broken
                    from:
                      uri: timer:x
                     steps: [
                """);

        assertThat(problems(CHECKS)).singleElement().asString()
                .startsWith(directory.resolve("broken.yaml") + ":").contains("not loadable as Camel YAML routes");
    }

    @Test
    void anIncludedFileMustExistAndIncludedExamplesLoad() throws Exception {
        Files.createDirectories(directory.resolve("examples"));
        Files.writeString(directory.resolve("examples/beat.yaml"), """
                - route:
                    id: example-beat
                    from:
                      uri: timer:beat
                      steps:
                        - log: beat
                """);

        assertThat(problems(CHECKS + "routes:\n  include: [examples/nope.yaml]\n")).singleElement().asString()
                .contains("routes.include names 'examples/nope.yaml'");
        assertThat(RouteAssembly.validate(config(CHECKS + "routes:\n  include: [examples/beat.yaml]\n"), directory)
                .byFile().values()).containsExactly(java.util.Set.of("example-beat"));
        assertThat(RouteAssembly.validate(config(CHECKS), directory).byFile())
                .as("examples are not loaded unless included").isEmpty();
    }

    @Test
    void everyShippedExampleValidatesWithTheConfigurationItsHeaderShows() throws Exception {
        String config = """
                routes:
                  include: [examples/heartbeat.yaml, examples/pagerduty-channel.yaml, examples/sql-metric.yaml,
                            examples/two-step-http.yaml]
                alerts:
                  channels:
                    - {id: pagerduty, type: route, endpoint: direct:pagerduty}
                dependencies:
                  - id: heartbeat-receiver
                  - id: exports-db
                  - id: partner
                checks:
                  - {id: sentinel-heartbeat, dependency: heartbeat-receiver, kind: route, interval: 60s}
                  - {id: exports-stuck, dependency: exports-db, kind: route, interval: 5m}
                  - {id: partner-api, dependency: partner, kind: route, interval: 60s}
                """;

        // the SQL example's pool is built when its file loads, from EXPORTS_DB_URL … which this machine lacks: the
        // problem names the file and what to set; RouteExamplesTest runs that example against PostgreSQL
        Map<String, String> settings = Map.of("exports.db.url", "jdbc:postgresql://127.0.0.1:5432/test",
                "exports.db.user", "postgres");
        settings.forEach(System::setProperty);
        try {
            assertThat(problems(config, Path.of("routes"))).singleElement().asString()
                    .startsWith("routes/examples/sql-metric.yaml: not loadable")
                    .contains("set the environment variable EXPORTS_DB_PASSWORD");

            LoadedRoutes loaded = RouteAssembly.validate(config(config.replace(" examples/sql-metric.yaml,", "")
                    .replace("  - {id: exports-stuck, dependency: exports-db, kind: route, interval: 5m}\n", "")),
                    Path.of("routes"));
            assertThat(loaded.byFile()).hasSize(3);
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }
    }

    private Path route(String name, String yaml) throws Exception {
        Path file = directory.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    private List<RouteProblem> problems(String config) throws Exception {
        return problems(config, directory);
    }

    private List<RouteProblem> problems(String config, Path routes) throws Exception {
        SentinelConfig loaded = config(config);
        try {
            RouteAssembly.validate(loaded, routes);
        } catch (InvalidRoutesException invalid) {
            return invalid.problems();
        }
        throw new AssertionError("the routes were accepted");
    }

    private SentinelConfig config(String yaml) throws Exception {
        return new ConfigLoader(BuiltInKinds.index(), Map.<String, String>of()::get)
                .parse(directory.resolve("sentinel.yaml"), yaml);
    }
}
