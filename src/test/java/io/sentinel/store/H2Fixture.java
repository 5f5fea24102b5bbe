package io.sentinel.store;

import io.sentinel.config.StorageConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** An embedded H2 file database in a fresh temporary directory. */
final class H2Fixture implements DatabaseFixture {

    private final Path directory;

    H2Fixture() throws IOException {
        directory = Files.createTempDirectory("sentinel-h2-");
    }

    @Override
    public StorageConfig storage() {
        // a subdirectory that does not exist yet: opening the database must create it
        return DatabaseFixture.storage("jdbc:h2:file:" + directory.resolve("data/sentinel"), "sa");
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
