package io.sentinel.daemon;

import java.nio.file.Path;
import java.time.Clock;
import io.sentinel.reload.Reloads;
import java.util.Objects;

/**
 * How a daemon runs, beyond its configuration file.
 *
 * @param routesDirectory the operator's routes and Kamelets, added to the built-in ones; need not exist
 * @param dataDirectory   where local state lives (the H2 database by default, spool files)
 * @param clock           the clock for results, states and breakers
 * @param reloads         where {@code POST /api/reload} sends its request
 */
public record DaemonOptions(Path routesDirectory, Path dataDirectory, Clock clock, Reloads reloads) {

    public DaemonOptions {
        Objects.requireNonNull(routesDirectory, "routesDirectory");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(reloads, "reloads");
    }

    /** Options for a daemon whose configuration nothing re-reads on request. */
    public DaemonOptions(Path routesDirectory, Path dataDirectory, Clock clock) {
        this(routesDirectory, dataDirectory, clock, Reloads.none());
    }
}
