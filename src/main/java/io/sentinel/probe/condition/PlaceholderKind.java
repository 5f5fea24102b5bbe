package io.sentinel.probe.condition;

/** What part of a response a condition tests; the probe uses it to say why a failed condition failed. */
public enum PlaceholderKind {
    STATUS,
    RESPONSE_TIME,
    BODY,
    HEADER
}
