package io.sentinel.probe.condition;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentinel.secret.Redactor;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** What the left side of a condition found in a response: a value, nothing at all, or a body it could not read. */
sealed interface Observed {

    /**
     * A value read from the response.
     *
     * @param text    the value as text, which is what string comparisons use
     * @param textual true when the value was text, so that it is shown in quotes
     */
    record Found(String text, boolean textual) implements Observed {

        private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
        /** Long enough to recognise a value, short enough to keep a list of failed conditions readable. */
        private static final int MAX_SHOWN = 80;

        public Found {
            Objects.requireNonNull(text, "text");
        }

        static Found number(long value) {
            return new Found(Long.toString(value), false);
        }

        static Found text(String value) {
            return new Found(value, true);
        }

        static Found json(JsonNode node) {
            return node.isTextual() ? text(node.textValue()) : new Found(node.isValueNode() ? node.asText() : node.toString(), false);
        }

        /** The value as a number, when it is written like one: {@code 42} in a header is as numeric as in JSON. */
        Optional<BigDecimal> number() {
            String candidate = text.strip();
            return NUMBER.matcher(candidate).matches() ? Optional.of(new BigDecimal(candidate)) : Optional.empty();
        }

        /** The value as shown in a failure description: one line, abbreviated, quoted if it was text. */
        String display() {
            // redacted before it is shortened, so that no half of a secret survives the cut
            String oneLine = Redactor.global().redact(text).replaceAll("\\s+", " ");
            String shown = oneLine.length() <= MAX_SHOWN ? oneLine : oneLine.substring(0, MAX_SHOWN - 1) + "…";
            return textual ? '"' + shown.replace("\"", "\\\"") + '"' : shown;
        }
    }

    /** The JSON path led nowhere. */
    record Missing() implements Observed {
    }

    /** The response could not be read the way the condition needs, e.g. a JSON path into an HTML body. */
    record Unreadable(String reason) implements Observed {

        public Unreadable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
