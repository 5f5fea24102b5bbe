package io.sentinel.probe.condition;

import java.util.Objects;

/** A condition that cannot be parsed: what is wrong, and what would be accepted instead. */
public final class ConditionSyntaxException extends Exception {

    private final String hint;

    public ConditionSyntaxException(String message, String hint) {
        super(Objects.requireNonNull(message, "message"));
        this.hint = Objects.requireNonNull(hint, "hint");
    }

    /** What is allowed at that point, phrased as advice. */
    public String hint() {
        return hint;
    }
}
