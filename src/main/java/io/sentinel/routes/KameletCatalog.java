package io.sentinel.routes;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.ResourceHelper;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The Kamelets a route may use, with their parameters: Sentinel's own from the jar ({@code kamelets/}) and the
 * operator's {@code *.kamelet.yaml} in the routes directory, so a misspelt Kamelet or parameter is reported
 * with the route's line instead of failing when the route starts.
 */
public final class KameletCatalog {

    /**
     * @param required parameters without which the Kamelet cannot run
     * @param known    every parameter it declares
     */
    public record Kamelet(String name, Set<String> required, Set<String> known) {
    }

    private final Map<String, Kamelet> byName;

    private KameletCatalog(Map<String, Kamelet> byName) {
        this.byName = Map.copyOf(byName);
    }

    public static KameletCatalog of(CamelContext context, Optional<Path> routesDirectory) {
        Map<String, Kamelet> kamelets = new HashMap<>();
        try {
            for (String name : BuiltInResources.KAMELETS) {
                Resource resource = ResourceHelper.resolveMandatoryResource(context,
                        "classpath:" + BuiltInResources.KAMELETS_FOLDER + name);
                try (InputStream in = resource.getInputStream()) {
                    read(new String(in.readAllBytes(), StandardCharsets.UTF_8)).ifPresent(k -> kamelets.put(k.name(), k));
                }
            }
        } catch (Exception unreadable) {
            throw new IllegalStateException("the built-in Kamelets cannot be read", unreadable);
        }
        routesDirectory.ifPresent(directory -> {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(RouteFiles::isKamelet).toList()) {
                    read(Files.readString(file)).ifPresent(k -> kamelets.put(k.name(), k));
                }
            } catch (Exception unreadable) {
                // an unreadable Kamelet file shows up as an unknown Kamelet where a route uses it
            }
        });
        return new KameletCatalog(kamelets);
    }

    public Optional<Kamelet> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Set<String> names() {
        return new TreeSet<>(byName.keySet());
    }

    @SuppressWarnings("unchecked")
    private static Optional<Kamelet> read(String yaml) {
        Object document = new Load(LoadSettings.builder().build()).loadFromString(yaml);
        if (!(document instanceof Map<?, ?> root) || !(root.get("metadata") instanceof Map<?, ?> metadata)
                || !(metadata.get("name") instanceof String name)) {
            return Optional.empty();
        }
        Set<String> required = new TreeSet<>();
        Set<String> known = new TreeSet<>();
        if (root.get("spec") instanceof Map<?, ?> spec && spec.get("definition") instanceof Map<?, ?> definition) {
            if (definition.get("properties") instanceof Map<?, ?> properties) {
                properties.keySet().forEach(key -> known.add(String.valueOf(key)));
                if (definition.get("required") instanceof List<?> list) {
                    for (Object key : list) {
                        Object property = properties.get(key);
                        boolean hasDefault = property instanceof Map<?, ?> p && p.containsKey("default");
                        if (!hasDefault) {
                            required.add(String.valueOf(key));
                        }
                    }
                }
            }
        }
        return Optional.of(new Kamelet(name, required, known));
    }
}
