package io.sentinel.probe;

import io.sentinel.config.CheckKind;

/** A check kind together with the probe that runs it. */
public interface ProbeKind extends CheckKind {

    /** Makes the probe for this kind; called once at start, the probe then serves every check of the kind. */
    Probe newProbe(ProbeToolkit toolkit);

    /** The bean name the route template calls: {@code probe.<kind>}. */
    default String probeBean() {
        return "probe." + name();
    }
}
