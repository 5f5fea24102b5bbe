package io.sentinel.probe;

import io.sentinel.model.FailureClass;
import io.sentinel.config.CheckConfig;

/**
 * Runs one check once and says what it found. Implementations never throw for a failing dependency: every
 * failure becomes a {@link ProbeResult} with a {@link FailureClass}. They never report {@link Outcome#UP}
 * without a response that proves it.
 */
@FunctionalInterface
public interface Probe {

    ProbeResult probe(CheckConfig check);
}
