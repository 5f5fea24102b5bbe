package io.sentinel.report.diagnostics;

import io.sentinel.probe.Outcome;
import java.util.Objects;

/** How many results of one check had one outcome in a report's window. */
public record OutcomeCount(String checkId, String dependency, Outcome outcome, long results) {

    public OutcomeCount {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(dependency, "dependency");
        Objects.requireNonNull(outcome, "outcome");
    }
}
