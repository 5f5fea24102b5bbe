package io.sentinel.report.diagnostics;

import io.sentinel.report.Recommendations.Recommendation;
import java.util.List;
import java.util.Objects;

/**
 * A line of the recommendations table that applies to the window's failures.
 *
 * @param recommendation the table's line
 * @param failures       how many failed probes it covers
 * @param checks         the checks they came from, the first few by name
 */
public record AdviceLine(Recommendation recommendation, long failures, List<String> checks) {

    public AdviceLine {
        Objects.requireNonNull(recommendation, "recommendation");
        checks = List.copyOf(checks);
    }
}
