package io.sentinel.config;

import java.util.Locale;

/** How much an alert matters, in ProspectPro's runbook terms. */
public enum Severity {
    /** System-impacting: the product is down for users. */
    CRITICAL,
    /** Service degradation: a feature is broken or slow. */
    HIGH,
    /** Service quality: something needs attention soon. */
    MEDIUM;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
