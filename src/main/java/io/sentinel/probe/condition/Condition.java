package io.sentinel.probe.condition;

import io.sentinel.probe.condition.Observed.Found;
import java.util.Objects;

/**
 * A Gatus-style assertion on an HTTP response, such as {@code [STATUS] == 200} or {@code [BODY].status == "OK"}.
 * Parsed once when the configuration is read, so a typo stops startup instead of failing every probe.
 *
 * <p>Forms: {@code <left> <op> <right>} with op one of {@code == != < <= > >=}. The left side is a placeholder
 * ({@code [STATUS]}, {@code [RESPONSE_TIME]} in milliseconds, {@code [BODY]}, {@code [BODY].a.b[0].c},
 * {@code [HEADER].Name}), {@code len(placeholder)} or {@code has(placeholder)}. The right side is a number,
 * {@code "quoted text"}, a bare word, {@code true}/{@code false}, {@code pat(*glob*)} or {@code any(a, b, c)}.
 * Two numbers compare as numbers, anything else as text.
 */
public final class Condition {

    private final Subject subject;
    private final Operator operator;
    private final Expected expected;
    private final String text;

    Condition(Subject subject, Operator operator, Expected expected) {
        this.subject = Objects.requireNonNull(subject, "subject");
        this.operator = Objects.requireNonNull(operator, "operator");
        this.expected = Objects.requireNonNull(expected, "expected");
        this.text = subject + " " + operator + " " + expected;
    }

    public static Condition parse(String text) throws ConditionSyntaxException {
        return ConditionParser.parse(text);
    }

    /** What the condition tests, so that a failure can be classified (a failed status test is an HTTP failure). */
    public PlaceholderKind placeholderKind() {
        return subject.placeholder().kind();
    }

    public ConditionResult evaluate(ResponseView response) {
        Observed observed = subject.observe(response);
        if (observed instanceof Observed.Missing) {
            return ConditionResult.failed(subject.placeholder() + " is missing");
        }
        if (observed instanceof Observed.Unreadable unreadable) {
            return ConditionResult.failed(text + " (" + unreadable.reason() + ")");
        }
        Found found = (Found) observed;
        if (operator.isOrdering() && found.number().isEmpty()) {
            return ConditionResult.failed(text + " (got " + found.display() + ", not a number)");
        }
        return operator.holds(expected.compareWith(found))
                ? ConditionResult.satisfied(text)
                : ConditionResult.failed(text + " (got " + found.display() + ")");
    }

    /** The condition in its normal form: single spaces around the operator, placeholders in capitals. */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Condition condition && condition.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
