package io.sentinel.results;

import io.sentinel.probe.ProbeResult;

/** Somewhere results are kept. Must not block the probe thread and must not throw for its own trouble. */
@FunctionalInterface
public interface ResultSink {

    void append(ProbeResult result);
}
