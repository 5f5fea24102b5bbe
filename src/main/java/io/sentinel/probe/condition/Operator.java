package io.sentinel.probe.condition;

import java.util.Optional;

/** The comparison in the middle of a condition. */
enum Operator {
    EQUAL("=="),
    NOT_EQUAL("!="),
    LESS_OR_EQUAL("<="),
    GREATER_OR_EQUAL(">="),
    LESS("<"),
    GREATER(">");

    static final String ALL = "==, !=, <, <=, >, >=";

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** The operator that {@code text} starts with; two-character symbols are listed first so they win. */
    static Optional<Operator> startOf(String text) {
        for (Operator operator : values()) {
            if (text.startsWith(operator.symbol)) {
                return Optional.of(operator);
            }
        }
        return Optional.empty();
    }

    String symbol() {
        return symbol;
    }

    /** True for the operators that only make sense between numbers. */
    boolean isOrdering() {
        return this != EQUAL && this != NOT_EQUAL;
    }

    /** Whether the operator holds, given the sign of comparing the observed value with the expected one. */
    boolean holds(int comparison) {
        return switch (this) {
            case EQUAL -> comparison == 0;
            case NOT_EQUAL -> comparison != 0;
            case LESS -> comparison < 0;
            case LESS_OR_EQUAL -> comparison <= 0;
            case GREATER -> comparison > 0;
            case GREATER_OR_EQUAL -> comparison >= 0;
        };
    }

    @Override
    public String toString() {
        return symbol;
    }
}
