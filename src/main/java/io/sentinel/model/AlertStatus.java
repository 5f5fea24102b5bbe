package io.sentinel.model;

/** Whether an alert starts (or is still on) or ends. */
public enum AlertStatus {
    FIRING,
    RESOLVED
}
