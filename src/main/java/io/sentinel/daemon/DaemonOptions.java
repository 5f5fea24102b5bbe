package io.sentinel.daemon;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How a daemon runs, beyond its configuration file.
 *
 * @param routesLocation Camel include pattern for the YAML routes, e.g. {@code file:/srv/sentinel/routes/*.yaml}
 * @param dataDirectory  where local state lives (the H2 database by default, spool files)
 * @param clock          the clock for results, states and breakers
 */
public record DaemonOptions(String routesLocation, Path dataDirectory, Clock clock) {

    public static final String EMBEDDED_ROUTES = "classpath:embedded/routes/*.yaml";

    public DaemonOptions {
        Objects.requireNonNull(routesLocation, "routesLocation");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(clock, "clock");
    }

    /** Routes from a directory when it exists, else the copies built into the jar. */
    public static String routesIn(Path directory) {
        return java.nio.file.Files.isDirectory(directory)
                ? "file:" + directory.toAbsolutePath().normalize() + "/*.yaml"
                : EMBEDDED_ROUTES;
    }
}
