package io.sentinel.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The named built-in files are exactly the files in the resource folders: none forgotten, none stale. */
class BuiltInResourcesTest {

    @Test
    void everyBuiltInRouteFileIsListed() throws IOException {
        assertThat(BuiltInResources.ROUTES).containsExactlyInAnyOrderElementsOf(
                names(Path.of("src/main/resources", BuiltInResources.ROUTES_FOLDER)));
    }

    @Test
    void everyBuiltInKameletIsListed() throws IOException {
        assertThat(BuiltInResources.KAMELETS).containsExactlyInAnyOrderElementsOf(
                names(Path.of("src/main/resources", BuiltInResources.KAMELETS_FOLDER)));
    }

    private static java.util.List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".yaml")).toList();
        }
    }
}
