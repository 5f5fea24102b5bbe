package io.sentinel.routes;

import io.sentinel.config.RoutesConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The operator's route files: every {@code *.yaml} at the top of the routes directory (Kamelets, named
 * {@code *.kamelet.yaml}, are found by the Kamelet component instead), then the files the configuration's
 * {@code routes.include} names, such as the examples in {@code routes/examples/}. They add to the built-in
 * routes, which always come from the jar.
 *
 * @param directory the routes directory, when there is one
 * @param files     the route files to load, in order
 * @param missing   included files that do not exist, as named in the configuration
 */
public record RouteFiles(Optional<Path> directory, List<Path> files, List<String> missing) {

    public static final String KAMELET_SUFFIX = ".kamelet.yaml";

    public RouteFiles {
        files = List.copyOf(files);
        missing = List.copyOf(missing);
    }

    public static RouteFiles none() {
        return new RouteFiles(Optional.empty(), List.of(), List.of());
    }

    public static RouteFiles in(Path directory, RoutesConfig config) {
        if (!Files.isDirectory(directory)) {
            return new RouteFiles(Optional.empty(), List.of(), config.include());
        }
        List<Path> files = new ArrayList<>(topLevel(directory));
        List<String> missing = new ArrayList<>();
        for (String include : config.include()) {
            Path file = directory.resolve(include).normalize();
            if (Files.isRegularFile(file)) {
                if (!files.contains(file)) {
                    files.add(file);
                }
            } else {
                missing.add(include);
            }
        }
        return new RouteFiles(Optional.of(directory), files, missing);
    }

    /** Every file whose change means the routes changed: the route files and the operator's Kamelets. */
    public List<Path> watched() {
        List<Path> watched = new ArrayList<>(files);
        directory.ifPresent(dir -> list(dir).stream().filter(RouteFiles::isKamelet).forEach(watched::add));
        return watched;
    }

    private static List<Path> topLevel(Path directory) {
        return list(directory).stream().filter(path -> path.toString().endsWith(".yaml") && !isKamelet(path)).toList();
    }

    static boolean isKamelet(Path path) {
        return path.getFileName().toString().endsWith(KAMELET_SUFFIX);
    }

    private static List<Path> list(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isRegularFile).map(Path::normalize).sorted().toList();
        } catch (IOException unreadable) {
            return List.of();
        }
    }
}
