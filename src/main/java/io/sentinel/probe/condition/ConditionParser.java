package io.sentinel.probe.condition;

import io.sentinel.probe.condition.Expected.AnyOf;
import io.sentinel.probe.condition.Expected.Glob;
import io.sentinel.probe.condition.Expected.Literal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one condition left to right: subject, operator, expected value. Each error names what it found where
 * something else was expected, because operators read these messages at startup with the YAML file open.
 */
final class ConditionParser {

    static final String PLACEHOLDERS = "[STATUS], [RESPONSE_TIME], [BODY], [BODY].field.list[0].field or [HEADER].Name";
    private static final String OPERATORS = "operators are " + Operator.ALL;
    /** Characters that end a field name, header name or function name. */
    private static final String NAME_ENDS = " \t.[]()=!<>\",";

    private final String text;
    private int position;

    private ConditionParser(String text) {
        this.text = text;
    }

    static Condition parse(String text) throws ConditionSyntaxException {
        if (text == null || text.isBlank()) {
            throw new ConditionSyntaxException("the condition is empty", "write one such as [STATUS] == 200");
        }
        return new ConditionParser(text.strip()).condition();
    }

    private Condition condition() throws ConditionSyntaxException {
        Subject subject = subject();
        skipSpaces();
        Operator operator = operator(subject);
        skipSpaces();
        Expected expected = expected(operator);
        skipSpaces();
        if (!atEnd()) {
            throw new ConditionSyntaxException("unexpected '" + rest() + "' after " + expected,
                    "a condition has one operator; put a value with spaces or brackets in quotes");
        }
        ConditionRules.check(subject, operator, expected);
        return new Condition(subject, operator, expected);
    }

    private Subject subject() throws ConditionSyntaxException {
        if (consumeFunction("len")) {
            return new Subject.LengthOf(closedPlaceholder("len"));
        }
        if (consumeFunction("has")) {
            return new Subject.PresenceOf(closedPlaceholder("has"));
        }
        if (peek() == '[') {
            return new Subject.ValueOf(placeholder());
        }
        String word = name();
        if (peek() == '(') {
            throw new ConditionSyntaxException("unknown function '" + word + "(…)' on the left",
                    "on the left use a placeholder, len(…) or has(…); pat(…) and any(…) go on the right");
        }
        throw new ConditionSyntaxException("a condition starts with a placeholder, not '" + (word.isEmpty() ? rest() : word) + "'",
                "use " + PLACEHOLDERS);
    }

    private Placeholder closedPlaceholder(String function) throws ConditionSyntaxException {
        skipSpaces();
        Placeholder placeholder = placeholder();
        skipSpaces();
        if (!consume(")")) {
            throw new ConditionSyntaxException(function + "(" + placeholder + " is missing its ')'",
                    "write " + function + "(" + placeholder + ")");
        }
        return placeholder;
    }

    private Placeholder placeholder() throws ConditionSyntaxException {
        if (peek() != '[') {
            throw new ConditionSyntaxException("expected a placeholder, found '" + rest() + "'", "use " + PLACEHOLDERS);
        }
        int close = text.indexOf(']', position);
        if (close < 0) {
            throw new ConditionSyntaxException("'" + rest() + "' has no closing ']'", "use " + PLACEHOLDERS);
        }
        String written = text.substring(position + 1, close);
        position = close + 1;
        return switch (written.strip().toUpperCase(Locale.ROOT)) {
            case "STATUS" -> withoutPath(new Placeholder.Status());
            case "RESPONSE_TIME" -> withoutPath(new Placeholder.ResponseTime());
            case "BODY" -> new Placeholder.Body(jsonPath());
            case "HEADER" -> new Placeholder.Header(headerName());
            default -> throw new ConditionSyntaxException("unknown placeholder [" + written + "]", "use " + PLACEHOLDERS);
        };
    }

    private Placeholder withoutPath(Placeholder placeholder) throws ConditionSyntaxException {
        if (peek() == '.' || peek() == '[') {
            throw new ConditionSyntaxException(placeholder + " has no fields", "compare it directly, e.g. " + placeholder + " < 500");
        }
        return placeholder;
    }

    private JsonPath jsonPath() throws ConditionSyntaxException {
        List<JsonPath.Step> steps = new ArrayList<>();
        while (peek() == '.' || peek() == '[') {
            if (consume(".")) {
                String field = name();
                if (field.isEmpty()) {
                    throw new ConditionSyntaxException("a field name is missing after [BODY]" + new JsonPath(steps) + ".",
                            "write a path such as [BODY].data.items[0].id");
                }
                steps.add(new JsonPath.Field(field));
            } else {
                steps.add(new JsonPath.Index(index()));
            }
        }
        return new JsonPath(steps);
    }

    private int index() throws ConditionSyntaxException {
        int close = text.indexOf(']', position);
        String written = close < 0 ? rest() : text.substring(position, close + 1);
        String digits = written.substring(1, Math.max(1, written.length() - 1)).strip();
        if (close < 0 || !digits.matches("\\d{1,9}")) {
            throw new ConditionSyntaxException("'" + written + "' is not an array index",
                    "write a whole number in brackets, e.g. [BODY].items[0]");
        }
        position = close + 1;
        return Integer.parseInt(digits);
    }

    private String headerName() throws ConditionSyntaxException {
        String name = consume(".") ? name() : "";
        if (name.isEmpty()) {
            throw new ConditionSyntaxException("[HEADER] needs a header name", "write e.g. [HEADER].Content-Type");
        }
        return name;
    }

    private Operator operator(Subject subject) throws ConditionSyntaxException {
        Optional<Operator> found = Operator.startOf(rest());
        if (found.isEmpty()) {
            if (atEnd()) {
                throw new ConditionSyntaxException("no operator after " + subject,
                        "compare it with a value, e.g. " + subject + " == …; " + OPERATORS);
            }
            if (peek() == '=') {
                throw new ConditionSyntaxException("'=' is not an operator", "write == to test equality; " + OPERATORS);
            }
            throw new ConditionSyntaxException("missing operator between " + subject + " and '" + rest() + "'", OPERATORS);
        }
        position += found.get().symbol().length();
        if ("=!<>".indexOf(peek()) >= 0) {
            throw new ConditionSyntaxException("'" + found.get().symbol() + peek() + "' is not an operator", OPERATORS);
        }
        return found.get();
    }

    private Expected expected(Operator operator) throws ConditionSyntaxException {
        if (atEnd()) {
            throw new ConditionSyntaxException("nothing to compare with after '" + operator + "'",
                    "write a value, e.g. [STATUS] == 200, or \"\" for empty text");
        }
        if (peek() == '"') {
            return new Literal(quoted(), true);
        }
        if (consumeFunction("pat")) {
            return glob();
        }
        if (consumeFunction("any")) {
            return anyOf();
        }
        int start = position;
        while (!atEnd() && !Character.isWhitespace(peek())) {
            position++;
        }
        String word = text.substring(start, position);
        int parenthesis = word.indexOf('(');
        if (parenthesis > 0 && word.substring(0, parenthesis).matches("[A-Za-z_]+")) {
            throw new ConditionSyntaxException("unknown function '" + word.substring(0, parenthesis) + "(…)' on the right",
                    "on the right use a value, pat(…) or any(…)");
        }
        return new Literal(word, false);
    }

    private Glob glob() throws ConditionSyntaxException {
        skipSpaces();
        String pattern = peek() == '"' ? quoted() : until(")").strip();
        skipSpaces();
        if (!consume(")")) {
            throw new ConditionSyntaxException("pat(" + pattern + " is missing its ')'", "write pat(*text*)");
        }
        return new Glob(pattern);
    }

    private AnyOf anyOf() throws ConditionSyntaxException {
        List<Literal> values = new ArrayList<>();
        do {
            skipSpaces();
            if (atEnd()) {
                throw new ConditionSyntaxException("any(…) is missing its ')'", "write any(a, b, c)");
            }
            if (peek() == '"') {
                values.add(new Literal(quoted(), true));
            } else {
                String value = until(",)").strip();
                if (value.isEmpty()) {
                    throw new ConditionSyntaxException("any(…) has an empty value",
                            "separate values with commas, e.g. any(200, 204); write \"\" for empty text");
                }
                values.add(new Literal(value, false));
            }
            skipSpaces();
        } while (consume(","));
        if (!consume(")")) {
            throw new ConditionSyntaxException(atEnd() ? "any(…) is missing its ')'"
                    : "expected ',' or ')' in any(…), found '" + rest() + "'", "write any(a, b, c)");
        }
        return new AnyOf(values);
    }

    /** A {@code "…"} text; a backslash takes the next character as it is, so {@code \"} is a quote. */
    private String quoted() throws ConditionSyntaxException {
        int start = position++;
        StringBuilder value = new StringBuilder();
        while (!atEnd()) {
            char next = text.charAt(position++);
            if (next == '"') {
                return value.toString();
            }
            value.append(next == '\\' && !atEnd() ? text.charAt(position++) : next);
        }
        throw new ConditionSyntaxException("unterminated quote: " + text.substring(start), "end the text with a closing \"");
    }

    private boolean consumeFunction(String name) {
        String rest = rest();
        if (rest.regionMatches(true, 0, name, 0, name.length())
                && rest.substring(name.length()).stripLeading().startsWith("(")) {
            position = text.indexOf('(', position) + 1;
            return true;
        }
        return false;
    }

    private String name() {
        int start = position;
        while (!atEnd() && NAME_ENDS.indexOf(peek()) < 0) {
            position++;
        }
        return text.substring(start, position);
    }

    private String until(String stops) {
        int start = position;
        while (!atEnd() && stops.indexOf(peek()) < 0) {
            position++;
        }
        return text.substring(start, position);
    }

    private boolean consume(String expected) {
        if (text.startsWith(expected, position)) {
            position += expected.length();
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            position++;
        }
    }

    /** The next character, or a space at the end, so callers need not test for the end first. */
    private char peek() {
        return atEnd() ? ' ' : text.charAt(position);
    }

    private boolean atEnd() {
        return position >= text.length();
    }

    private String rest() {
        return text.substring(position);
    }
}
