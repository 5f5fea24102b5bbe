package io.sentinel.incident;

/** Why an alert is listed in an incident, which decides whether people are told about it on its own. */
public enum AlertRole {
    /** The dependency's own alert: told as usual. */
    OWN,
    /** The dependency's breaker opened because its own checks failed: part of their outage, not told again. */
    BREAKER,
    /**
     * An alert of a dependency whose parent ({@code dependsOn}) was DOWN when it fired: held, listed in the
     * parent's incident, and told only if it is still firing after the parent recovered.
     */
    DEPENDENT,
    /** A connectivity check's own alert: told as one "Sentinel lost connectivity" alert when they all fail. */
    CONNECTIVITY
}
