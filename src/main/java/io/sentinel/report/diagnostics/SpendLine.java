package io.sentinel.report.diagnostics;

import java.util.Objects;
import java.util.Optional;

/**
 * What one dependency's probes cost over the report's UTC days.
 *
 * @param dependency        the dependency
 * @param spentUsd          what its probes cost, from the per-day spending record
 * @param dailyBudget       its configured daily budget, if any
 * @param failedPaidCalls   failed probes in the window that were paid calls
 * @param failedPaidCostUsd what those failed paid calls cost
 */
public record SpendLine(String dependency, double spentUsd, Optional<Double> dailyBudget, long failedPaidCalls,
                        double failedPaidCostUsd) {

    public SpendLine {
        Objects.requireNonNull(dependency, "dependency");
        Objects.requireNonNull(dailyBudget, "dailyBudget");
    }
}
