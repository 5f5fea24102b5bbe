package io.sentinel.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Where an embedded H2 URL keeps its files, so the directory can exist before the first connection. */
final class H2FileLocation {

    private static final String PREFIX = "jdbc:h2:";
    /** Databases that live in memory or behind a server: nothing on this machine to prepare. */
    private static final String[] NOT_LOCAL = {"mem:", "tcp:", "ssl:", "zip:"};

    private H2FileLocation() {
    }

    /** The directory that will hold the database files, or empty when the URL is not an H2 file database. */
    static Optional<Path> directoryOf(String url) {
        if (!url.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String location = url.substring(PREFIX.length());
        int options = location.indexOf(';');
        if (options >= 0) {
            location = location.substring(0, options);
        }
        String lower = location.toLowerCase(Locale.ROOT);
        for (String prefix : NOT_LOCAL) {
            if (lower.startsWith(prefix)) {
                return Optional.empty();
            }
        }
        if (lower.startsWith("file:")) {
            location = location.substring("file:".length());
        }
        if (location.startsWith("~")) {
            location = System.getProperty("user.home") + location.substring(1);
        }
        return Optional.ofNullable(Path.of(location).toAbsolutePath().normalize().getParent());
    }
}
