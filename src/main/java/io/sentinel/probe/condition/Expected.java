package io.sentinel.probe.condition;

import io.sentinel.probe.condition.Observed.Found;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The right side of a condition: a value, a {@code pat(…)} glob, or an {@code any(…)} list. */
sealed interface Expected {

    /**
     * Compares an observed value with this side. Zero means a match; for two numbers the sign also orders
     * them (observed against expected). The parser allows ordering operators only where that sign means something.
     */
    int compareWith(Found observed);

    /**
     * A literal value.
     *
     * @param text   the value as written, without quotes
     * @param quoted true for {@code "…"}: a quoted value is always text, even {@code "200"}
     */
    record Literal(String text, boolean quoted) implements Expected {

        public Literal {
            Objects.requireNonNull(text, "text");
        }

        Optional<BigDecimal> number() {
            return quoted ? Optional.empty() : new Found(text, false).number();
        }

        boolean isBoolean() {
            return !quoted && (text.equals("true") || text.equals("false"));
        }

        @Override
        public int compareWith(Found observed) {
            Optional<BigDecimal> expected = number();
            Optional<BigDecimal> actual = observed.number();
            if (expected.isPresent() && actual.isPresent()) {
                return actual.get().compareTo(expected.get());
            }
            return observed.text().equals(text) ? 0 : 1;
        }

        @Override
        public String toString() {
            return quoted ? '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"' : text;
        }
    }

    /** {@code pat(…)}: the whole value must match, {@code *} standing for any run of characters. */
    record Glob(String pattern) implements Expected {

        public Glob {
            Objects.requireNonNull(pattern, "pattern");
        }

        @Override
        public int compareWith(Found observed) {
            return regex().matcher(observed.text()).matches() ? 0 : 1;
        }

        private Pattern regex() {
            StringBuilder regex = new StringBuilder();
            int start = 0;
            for (int star = pattern.indexOf('*'); star >= 0; star = pattern.indexOf('*', start)) {
                regex.append(Pattern.quote(pattern.substring(start, star))).append(".*");
                start = star + 1;
            }
            regex.append(Pattern.quote(pattern.substring(start)));
            return Pattern.compile(regex.toString(), Pattern.DOTALL);
        }

        @Override
        public String toString() {
            return "pat(" + pattern + ")";
        }
    }

    /** {@code any(…)}: matches when any one of the values does. */
    record AnyOf(List<Literal> values) implements Expected {

        public AnyOf {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("any() needs at least one value");
            }
        }

        @Override
        public int compareWith(Found observed) {
            return values.stream().anyMatch(value -> value.compareWith(observed) == 0) ? 0 : 1;
        }

        @Override
        public String toString() {
            return values.stream().map(Literal::toString).collect(Collectors.joining(", ", "any(", ")"));
        }
    }
}
