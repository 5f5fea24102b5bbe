package io.sentinel.probe;

/** What a probe's exchange carries besides its body, for every bean on its way. */
public final class ProbeExchange {

    /**
     * Exchange property holding the check's {@link io.sentinel.config.CheckConfig}: set once by the probe route
     * (or by the results route for a result from an operator's own route), so no step looks the check up again.
     */
    public static final String CHECK = "sentinel.check";

    private ProbeExchange() {
    }
}
