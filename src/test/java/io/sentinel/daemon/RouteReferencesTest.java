package io.sentinel.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.probe.ProbeKind;
import io.sentinel.testing.InProcessDaemon;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every bean a shipped route names ({@code ref: rules}, {@code circuitBreaker: "breaker.{{dependency}}"}) is
 * one the daemon binds: a renamed bean fails here, not in a probe at run time.
 */
class RouteReferencesTest {

    @TempDir
    Path directory;

    @Test
    void everyReferenceInTheShippedRoutesIsAFixedBeanNameOrAPerKindOrPerDependencyOne() throws IOException {
        Set<String> kinds = new TreeSet<>(BuiltInKinds.all().stream().map(ProbeKind::probeBean).toList());

        for (String reference : shippedReferences()) {
            assertThat(BeanNames.fixed().contains(reference) || kinds.contains(reference)
                    || reference.equals(BeanNames.PROBE_PREFIX + "{{kind}}")
                    || reference.equals(BeanNames.BREAKER_PREFIX + "{{dependency}}"))
                    .as("routes name bean '%s', which the daemon does not bind under that name", reference).isTrue();
        }
    }

    @Test
    void theRunningDaemonResolvesEveryReference() throws Exception {
        try (InProcessDaemon daemon = InProcessDaemon.start(directory, """
                dependencies:
                  - id: web
                checks:
                  - {id: home, dependency: web, kind: http, url: "http://127.0.0.1:9/"}
                """, Map.of(), Clock.systemUTC())) {
            CamelContext camel = daemon.camelContext();
            List<String> unresolved = new ArrayList<>();
            for (String reference : shippedReferences()) {
                String name = reference.replace("{{dependency}}", "web").replace("{{kind}}", "http");
                if (camel.getRegistry().lookupByName(name) == null) {
                    unresolved.add(reference);
                }
            }
            for (ProbeKind kind : BuiltInKinds.all()) {
                if (camel.getRegistry().lookupByName(kind.probeBean()) == null) {
                    unresolved.add(kind.probeBean());
                }
            }
            assertThat(unresolved).isEmpty();
        }
    }

    /** Every {@code ref:} value and every breaker name in the built-in routes and Kamelets. */
    static Set<String> shippedReferences() throws IOException {
        Set<String> references = new TreeSet<>();
        try (Stream<Path> files = Stream.concat(Files.list(Path.of("src/main/resources/sentinel/routes")),
                Files.list(Path.of("src/main/resources/kamelets")))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
                Object document = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
                collect(document, references);
            }
        }
        assertThat(references).as("the walk found the references").contains(BeanNames.RULES, BeanNames.ALERT_ROUTER);
        return references;
    }

    private static void collect(Object node, Set<String> references) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (("ref".equals(key) || "circuitBreaker".equals(key)) && value instanceof String name) {
                    references.add(name);
                } else {
                    collect(value, references);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, references));
        }
    }
}
