package io.sentinel.probe;

import io.sentinel.config.CheckConfig;
import org.apache.camel.Exchange;

/** What a probe's exchange carries besides its body, for every bean on its way. */
public final class ProbeExchange {

    /**
     * Exchange property holding the check's {@link io.sentinel.config.CheckConfig}: set once by the probe route
     * (or by the results route for a result from an operator's own route), so no step looks the check up again.
     */
    public static final String CHECK = "sentinel.check";

    private ProbeExchange() {
    }

    /** The check being probed, as the probe route (or the results route's intake) put it on the exchange. */
    public static CheckConfig check(Exchange exchange) {
        return exchange.getProperty(CHECK, CheckConfig.class);
    }

    /** The result the previous step left as the body. */
    public static ProbeResult result(Exchange exchange) {
        return exchange.getMessage().getBody(ProbeResult.class);
    }
}
