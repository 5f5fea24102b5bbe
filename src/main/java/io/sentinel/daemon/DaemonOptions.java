package io.sentinel.daemon;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How a daemon runs, beyond its configuration file.
 *
 * @param routesDirectory the operator's routes and Kamelets, added to the built-in ones; need not exist
 * @param dataDirectory   where local state lives (the H2 database by default, spool files)
 * @param clock           the clock for results, states and breakers
 */
public record DaemonOptions(Path routesDirectory, Path dataDirectory, Clock clock) {

    public DaemonOptions {
        Objects.requireNonNull(routesDirectory, "routesDirectory");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(clock, "clock");
    }
}
