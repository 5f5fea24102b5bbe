package io.sentinel.model;

/** What Sentinel currently believes about a check, decided from consecutive probe results. */
public enum HealthState {
    /** No probe result yet: nothing is claimed. */
    UNKNOWN,
    UP,
    /** Working, but slow or near a limit. */
    DEGRADED,
    DOWN;

    /** States that mean somebody should know: an alert is firing while the check is in one of them. */
    public boolean isProblem() {
        return this == DEGRADED || this == DOWN;
    }
}
