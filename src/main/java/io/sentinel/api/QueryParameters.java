package io.sentinel.api;

/** Query parameters as handlers read them: absent means the default, anything malformed is the client's mistake. */
final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * A whole number from {@code min} to {@code max}, or {@code fallback} when the parameter is absent or empty.
     *
     * @throws IllegalArgumentException saying what is allowed
     */
    static int wholeNumber(String name, String text, int fallback, int min, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be from " + min + " to " + max + ", got " + value);
        }
        return value;
    }
}
