package io.sentinel.probe;

import io.sentinel.config.CheckKind;
import io.sentinel.config.CheckOptions;

/** A check kind together with the probe that runs it. */
public interface ProbeKind extends CheckKind {

    /** Makes the probe for this kind; called once at start, the probe then serves every check of the kind. */
    Probe newProbe(ProbeToolkit toolkit);

    /**
     * What one probe of a check of this kind costs, in US dollars, when the check does not say
     * ({@code costPerCall}). Free probes (account endpoints, IDs-only searches) cost 0.
     */
    default double defaultCostPerCall(CheckOptions options) {
        return 0.0;
    }

    /** The bean name the route template calls: {@code probe.<kind>}. */
    default String probeBean() {
        return "probe." + name();
    }
}
