package io.sentinel.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.config.ConfigLoader;
import io.sentinel.config.SentinelConfig;
import io.sentinel.testing.InProcessDaemon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration change applied in place touches only what changed. */
class LiveChangeTest {

    private static final String CONFIG = """
            defaults: {interval: 1h}
            dependencies:
              - id: web
              - id: shop
            checks:
              - {id: home, dependency: web, kind: http, url: "http://127.0.0.1:9/"}
            """;

    @TempDir
    Path directory;

    @Test
    void aRouteFileAddedChangedAndRemovedIsLoadedReplacedAndRemoved() throws Exception {
        try (InProcessDaemon running = InProcessDaemon.start(directory, CONFIG, Map.of(), Clock.systemUTC())) {
            SentinelConfig config = running.daemon().config();
            Path routes = directory.resolve("routes");
            Files.createDirectories(routes);
            Files.writeString(routes.resolve("beat.yaml"), route("beat"));

            assertThat(running.daemon().apply(config, "v2")).isTrue();
            assertThat(running.camelContext().getRoute("beat")).isNotNull();

            Files.writeString(routes.resolve("beat.yaml"), route("beat-renamed"));
            assertThat(running.daemon().apply(config, "v3")).isTrue();
            assertThat(running.camelContext().getRoute("beat")).isNull();
            assertThat(running.camelContext().getRoute("beat-renamed")).isNotNull();

            Files.delete(routes.resolve("beat.yaml"));
            assertThat(running.daemon().apply(config, "v4")).isTrue();
            assertThat(running.camelContext().getRoute("beat-renamed")).isNull();
        }
    }

    @Test
    void aCheckOfANewKindAndDependencyGetsItsProbeRouteAndTheLastCheckOfOneTakesItAway() throws Exception {
        try (InProcessDaemon running = InProcessDaemon.start(directory, CONFIG, Map.of(), Clock.systemUTC())) {
            SentinelConfig withShop = load(running, CONFIG + "  - {id: cart, dependency: shop, kind: http, url: \"http://127.0.0.1:9/cart\"}\n");

            assertThat(running.daemon().apply(withShop, "v2")).isTrue();
            assertThat(running.camelContext().getRoute("probe.http.shop")).isNotNull();
            assertThat(running.json("/api/checks/cart", "/route")).isEqualTo("probe.http.shop");

            assertThat(running.daemon().apply(load(running, CONFIG), "v3")).isTrue();
            assertThat(running.camelContext().getRoute("probe.http.shop")).isNull();
            assertThat(running.camelContext().getRoute("probe.http.web")).isNotNull();
            assertThat(running.get("/api/checks/cart").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aChangeBeyondChecksAndRoutesNeedsTheDaemonRebuilt() throws Exception {
        try (InProcessDaemon running = InProcessDaemon.start(directory, CONFIG, Map.of(), Clock.systemUTC())) {
            SentinelConfig newDependency = load(running, CONFIG.replace("  - id: shop\n", "  - id: shop\n  - id: extra\n"));

            assertThat(running.daemon().apply(newDependency, "v2")).isFalse();
            assertThat(running.daemon().config().dependencies()).hasSize(2);
        }
    }

    /** The configuration as the running daemon's file would read with {@code yaml} in place of its checks. */
    private SentinelConfig load(InProcessDaemon running, String yaml) throws Exception {
        Path file = directory.resolve("sentinel.yaml");
        String text = Files.readString(file);
        return new ConfigLoader(BuiltInKinds.index(), Map.of(ConfigLoader.PORT_VARIABLE,
                String.valueOf(running.daemon().config().server().port()))::get)
                .parse(file, text.substring(0, text.indexOf("defaults:")) + yaml);
    }

    private static String route(String id) {
        return """
                - route:
                    id: %s
                    from:
                      uri: timer:%s?period=3600000
                      steps:
                        - log: beat
                """.formatted(id, id);
    }
}
