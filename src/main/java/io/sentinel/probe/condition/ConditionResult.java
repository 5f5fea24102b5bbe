package io.sentinel.probe.condition;

import java.util.Objects;

/**
 * Whether one condition held for one response.
 *
 * @param satisfied   true when the condition held
 * @param description the condition, and for a failed one what was seen instead, e.g. {@code [STATUS] == 200 (got 500)}
 */
public record ConditionResult(boolean satisfied, String description) {

    public ConditionResult {
        Objects.requireNonNull(description, "description");
    }

    static ConditionResult satisfied(String description) {
        return new ConditionResult(true, description);
    }

    static ConditionResult failed(String description) {
        return new ConditionResult(false, description);
    }
}
