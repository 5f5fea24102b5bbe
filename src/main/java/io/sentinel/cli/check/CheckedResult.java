package io.sentinel.cli.check;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.Severity;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeResult;
import java.util.Objects;

/**
 * One check and what its probe found.
 *
 * @param check  the check as configured
 * @param result its probe's result
 */
public record CheckedResult(CheckConfig check, ProbeResult result) {

    public CheckedResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(result, "result");
    }

    /** The one thing that fails {@code sentinel check}: a critical check found DOWN. */
    public boolean failsTheRun() {
        return check.severity() == Severity.CRITICAL && result.outcome() == Outcome.DOWN;
    }
}
