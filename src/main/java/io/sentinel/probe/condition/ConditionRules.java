package io.sentinel.probe.condition;

import io.sentinel.probe.condition.Expected.Literal;

/**
 * Combinations that parse but could never mean anything, rejected at startup rather than failing every probe:
 * ordering text, comparing a status with a word, asking whether {@code has(…)} is "OK".
 */
final class ConditionRules {

    private ConditionRules() {
    }

    static void check(Subject subject, Operator operator, Expected expected) throws ConditionSyntaxException {
        if (subject instanceof Subject.PresenceOf) {
            if (operator.isOrdering() || !(expected instanceof Literal literal && literal.isBoolean())) {
                throw new ConditionSyntaxException(subject + " is true or false, it cannot be compared with '"
                        + operator + " " + expected + "'", "write " + subject + " == true, or == false");
            }
            return;
        }
        if (operator.isOrdering() && !(expected instanceof Literal literal && literal.number().isPresent())) {
            throw new ConditionSyntaxException("'" + operator + "' compares numbers, but " + expected + " is not a number",
                    "use == or != to compare text, or pat(*…*) to match part of it; write numbers without quotes");
        }
        if (subject.isNumeric() && expected instanceof Literal literal && literal.number().isEmpty()) {
            throw new ConditionSyntaxException(subject + " is a number, it cannot be compared with " + expected,
                    "compare it with a number, e.g. [STATUS] == 200 or [RESPONSE_TIME] < 500");
        }
    }
}
