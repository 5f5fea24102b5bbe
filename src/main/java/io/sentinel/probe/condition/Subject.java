package io.sentinel.probe.condition;

import io.sentinel.probe.condition.Observed.Found;
import java.util.Objects;

/** The left side of a condition: a placeholder, its length, or whether it is there at all. */
sealed interface Subject {

    Placeholder placeholder();

    Observed observe(ResponseView response);

    /** True when the subject is always a number, so it can only be compared with numbers. */
    boolean isNumeric();

    record ValueOf(Placeholder placeholder) implements Subject {
        public ValueOf {
            Objects.requireNonNull(placeholder, "placeholder");
        }

        @Override
        public Observed observe(ResponseView response) {
            return placeholder.read(response);
        }

        @Override
        public boolean isNumeric() {
            return placeholder.isNumeric();
        }

        @Override
        public String toString() {
            return placeholder.toString();
        }
    }

    /** {@code len(…)}: the size of a JSON array or object, or the length of a text. */
    record LengthOf(Placeholder placeholder) implements Subject {
        public LengthOf {
            Objects.requireNonNull(placeholder, "placeholder");
        }

        @Override
        public Observed observe(ResponseView response) {
            return placeholder.length(response);
        }

        @Override
        public boolean isNumeric() {
            return true;
        }

        @Override
        public String toString() {
            return "len(" + placeholder + ")";
        }
    }

    /** {@code has(…)}: true or false, never missing, so that a condition can require an absence. */
    record PresenceOf(Placeholder placeholder) implements Subject {
        public PresenceOf {
            Objects.requireNonNull(placeholder, "placeholder");
        }

        @Override
        public Observed observe(ResponseView response) {
            return new Found(Boolean.toString(placeholder.isPresent(response)), false);
        }

        @Override
        public boolean isNumeric() {
            return false;
        }

        @Override
        public String toString() {
            return "has(" + placeholder + ")";
        }
    }
}
