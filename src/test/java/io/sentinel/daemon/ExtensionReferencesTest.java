package io.sentinel.daemon;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The sibling of {@link RouteReferencesTest} for what operators build on: every {@code ref:} in the shipped
 * Kamelets ({@code src/main/resources/kamelets}) and the example routes ({@code routes/examples}) is a bean the
 * daemon binds, and every {@code kamelet:} an example uses is one Sentinel ships.
 */
class ExtensionReferencesTest {

    private static final Path KAMELETS = Path.of("src/main/resources/kamelets");
    private static final Path EXAMPLES = Path.of("routes/examples");
    private static final Pattern KAMELET_URI = Pattern.compile("kamelet:([a-z0-9-]+)");

    @TempDir
    Path directory;

    @Test
    void everyReferenceOfTheKameletsAndExamplesIsAFixedBeanName() throws IOException {
        Set<String> references = references();

        assertThat(references).contains(BeanNames.HTTP_JUDGE, BeanNames.RESULT_CONTRACT, BeanNames.WEBHOOK_POSTER);
        assertThat(references).allSatisfy(reference -> assertThat(BeanNames.fixed())
                .as("a Kamelet or example names bean '%s', which the daemon does not bind", reference).contains(reference));
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
            for (String reference : references()) {
                if (camel.getRegistry().lookupByName(reference) == null) {
                    unresolved.add(reference);
                }
            }
            assertThat(unresolved).isEmpty();
            assertThat(camel.getPropertiesComponent().hasPropertiesFunction("secret")).isTrue();
        }
    }

    @Test
    void everyKameletAnExampleUsesIsShipped() throws IOException {
        Set<String> shipped = new TreeSet<>();
        try (Stream<Path> files = Files.list(KAMELETS)) {
            files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".kamelet.yaml"))
                    .forEach(name -> shipped.add(name.substring(0, name.length() - ".kamelet.yaml".length())));
        }
        Set<String> used = new TreeSet<>();
        for (Path file : yamlFiles(EXAMPLES)) {
            Matcher uri = KAMELET_URI.matcher(Files.readString(file));
            while (uri.find()) {
                used.add(uri.group(1));
            }
        }

        assertThat(used).contains("sentinel-http-judge-action", "sentinel-result-sink", "sentinel-webhook-channel-sink");
        assertThat(shipped).containsAll(used);
    }

    /** Every {@code ref:} value in the Kamelets and the examples. */
    static Set<String> references() throws IOException {
        Set<String> references = new TreeSet<>();
        List<Path> files = new ArrayList<>(yamlFiles(KAMELETS));
        files.addAll(yamlFiles(EXAMPLES));
        for (Path file : files) {
            for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(Files.readString(file))) {
                collect(document, references);
            }
        }
        return references;
    }

    private static List<Path> yamlFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static void collect(Object node, Set<String> references) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("ref".equals(key) && value instanceof String name) {
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
