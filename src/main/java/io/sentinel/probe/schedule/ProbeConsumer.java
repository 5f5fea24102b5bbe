package io.sentinel.probe.schedule;

import io.sentinel.config.CheckConfig;

/** A route that runs probes: the scheduler hands it each due check its {@link #selector()} names. */
public interface ProbeConsumer {

    ProbeSelector selector();

    /** The id of the route this consumer starts, as Camel and the API show it. */
    String routeId();

    /** Runs one probe of the check, on the caller's thread, and returns when the route has finished with it. */
    void probe(CheckConfig check);
}
