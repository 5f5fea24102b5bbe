package io.sentinel.results;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckIndex;
import io.sentinel.probe.ProbeResult;

/**
 * The door of {@code direct:results}. Anything may be sent there, including by operators' own routes, so
 * it is checked here: it must be a ProbeResult for a configured check of that dependency. (Its message was
 * redacted when the result was built.)
 */
public final class ResultIntake {

    private final CheckIndex checks;

    public ResultIntake(CheckIndex checks) {
        this.checks = checks;
    }

    public ProbeResult accept(Object body) {
        if (!(body instanceof ProbeResult result)) {
            throw new IllegalArgumentException("direct:results takes a io.sentinel.probe.ProbeResult, got "
                    + (body == null ? "nothing" : body.getClass().getName()));
        }
        CheckConfig check = checks.check(result.checkId()).orElseThrow(() -> new IllegalArgumentException(
                "result for unknown check '" + result.checkId() + "': add it to checks: in the configuration"));
        if (!check.dependency().equals(result.dependency())) {
            throw new IllegalArgumentException("result for check '" + check.id() + "' names dependency '"
                    + result.dependency() + "', but the check belongs to '" + check.dependency() + "'");
        }
        return result;
    }
}
