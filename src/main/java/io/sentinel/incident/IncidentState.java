package io.sentinel.incident;

/** Where an incident stands. */
public enum IncidentState {
    /** At least one of its alerts is firing. */
    OPEN,
    /** Every alert resolved; a recurrence within the quiet period reopens it. */
    RECOVERED,
    /** Quiet for the whole quiet period after recovering: confirmed stable, finished. */
    CLOSED
}
