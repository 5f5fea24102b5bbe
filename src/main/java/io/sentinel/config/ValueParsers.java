package io.sentinel.config;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the text of one configuration value into a typed value, or into a rejection that says what is wrong
 * and what would be accepted. Pure functions: {@link ConfigSection} reports the rejection at the value's line.
 *
 * <p>Every number and duration is read with its bounds, so that whatever a file says (a value past
 * {@code Long.MAX_VALUE}, {@code 1e309}, {@code NaN}, a century in milliseconds) the outcome is a value the
 * daemon can use or a rejection, never an exception. Rejections quote the value as written in the file: for
 * {@code severity: ${SLACK_WEBHOOK_URL}} that is the reference, never the webhook.
 */
final class ValueParsers {

    /** Numbers this long are refused before parsing: exact big-number parsing is quadratic in the digits. */
    private static final int MAX_NUMBER_LENGTH = 64;

    /** What is wrong with a value, and what would be accepted instead. */
    record Rejection(String message, String hint) {
    }

    /** Either a value or a rejection. */
    record Parsed<T>(Optional<T> value, Optional<Rejection> rejection) {
        static <T> Parsed<T> of(T value) {
            return new Parsed<>(Optional.of(value), Optional.empty());
        }

        static <T> Parsed<T> rejected(String message, String hint) {
            return new Parsed<>(Optional.empty(), Optional.of(new Rejection(message, hint)));
        }

        static <T> Parsed<T> absent() {
            return new Parsed<>(Optional.empty(), Optional.empty());
        }

        <R> Parsed<R> map(java.util.function.Function<T, R> mapper) {
            return new Parsed<>(value.map(mapper), rejection);
        }
    }

    /**
     * One value as read.
     *
     * @param key     the key it is at
     * @param text    what is parsed: stripped, with {@code ${VAR}} replaced
     * @param written what the file says, which is what messages quote
     */
    record Input(String key, String text, String written) {
        Input {
            written = written.strip();
        }

        /** The value as written, in quotes, cut and on one line. */
        String quoted() {
            return ProblemText.quote(written);
        }

        /** The value as written, without quotes: for numbers. */
        String shown() {
            return ProblemText.shorten(written);
        }

        /** True when the file names an environment variable here, so the parsed text must not be shown. */
        boolean usesEnvironment() {
            return !text.equals(written);
        }
    }

    /** Parses the text of the value at a key. */
    @FunctionalInterface
    interface ValueParser<T> {
        Parsed<T> parse(Input input);
    }

    private ValueParsers() {
    }

    /** A duration from {@code minimum} to {@code maximum}, both included. */
    static ValueParser<Duration> duration(Duration minimum, Duration maximum) {
        String range = "from " + Durations.format(minimum) + " to " + Durations.format(maximum);
        return input -> {
            Durations.Reading reading = Durations.read(input.text());
            if (!reading.wellFormed()) {
                return Parsed.rejected("'" + input.key() + "' is not a duration: " + input.quoted(),
                        "write " + Durations.ACCEPTED + ", " + range);
            }
            Optional<Duration> duration = reading.duration().filter(value -> value.compareTo(maximum) <= 0);
            if (duration.isEmpty()) {
                return Parsed.rejected("'" + input.key() + "' is " + input.shown() + ", above the maximum",
                        "use at most " + Durations.format(maximum));
            }
            if (duration.get().isZero() && !minimum.isZero()) {
                return Parsed.rejected("'" + input.key() + "' must be longer than zero",
                        "use at least " + Durations.format(minimum));
            }
            if (duration.get().compareTo(minimum) < 0) {
                return Parsed.rejected("'" + input.key() + "' is " + input.shown() + ", below the minimum",
                        "use at least " + Durations.format(minimum));
            }
            return Parsed.of(duration.get());
        };
    }

    /**
     * A whole number from {@code minimum} to {@code maximum}. Digits past what a long holds are out of range,
     * not "not a number": {@code 99999999999999999999} is a number, just a far too large one.
     */
    static ValueParser<Integer> wholeNumber(int minimum, int maximum, int example) {
        return wholeNumber(minimum, maximum, example, input -> Parsed.rejected("'" + input.key() + "' must be between "
                + minimum + " and " + maximum + ", got " + input.shown(), "pick a value in that range"));
    }

    /** A count from 1 to {@code maximum}: of probes, calls, trials. */
    static ValueParser<Integer> count(int maximum, int example) {
        String range = "use a whole number from 1 to " + maximum;
        return wholeNumber(1, maximum, example, input -> input.text().startsWith("-") || isZero(input.text())
                ? Parsed.rejected("'" + input.key() + "' must be greater than zero, got " + input.shown(), range)
                : Parsed.rejected("'" + input.key() + "' must be at most " + maximum + ", got " + input.shown(), range));
    }

    private static ValueParser<Integer> wholeNumber(int minimum, int maximum, int example, ValueParser<Integer> outOfRange) {
        return input -> {
            String text = input.text();
            if (!isWholeNumber(text)) {
                return Parsed.rejected("'" + input.key() + "' must be a whole number, got " + input.quoted(),
                        "for example " + input.key() + ": " + example + " (from " + minimum + " to " + maximum + ")");
            }
            boolean negative = text.charAt(0) == '-';
            String digits = text.charAt(0) == '+' || negative ? text.substring(1) : text;
            String significant = stripLeadingZeros(digits);
            long value = significant.length() > 18 ? (negative ? Long.MIN_VALUE : Long.MAX_VALUE)
                    : (negative ? -Long.parseLong(significant) : Long.parseLong(significant));
            return value >= minimum && value <= maximum ? Parsed.of((int) value) : outOfRange.parse(input);
        };
    }

    private static boolean isZero(String text) {
        return isWholeNumber(text) && stripLeadingZeros(text.replaceFirst("^[+-]", "")).equals("0");
    }

    /** "0" for a text of zeros, else the digits without leading zeros. */
    private static String stripLeadingZeros(String digits) {
        int first = 0;
        while (first < digits.length() - 1 && digits.charAt(first) == '0') {
            first++;
        }
        return digits.substring(first);
    }

    /**
     * A decimal number from {@code minimum} to {@code maximum}. Only plain decimal notation ({@code 0.5},
     * {@code 1.5e3}): Java's own parser would also take {@code NaN}, {@code Infinity}, {@code 0x1p3} and
     * {@code 1d}, none of which an operator means.
     */
    static ValueParser<Double> number(double minimum, double maximum, String hint) {
        BigDecimal lowest = BigDecimal.valueOf(minimum);
        BigDecimal highest = BigDecimal.valueOf(maximum);
        return input -> {
            Optional<BigDecimal> parsed = decimal(input.text());
            if (parsed.isEmpty()) {
                return Parsed.rejected("'" + input.key() + "' must be a number, got " + input.quoted(), hint);
            }
            BigDecimal value = parsed.get();
            if (value.compareTo(lowest) < 0) {
                return Parsed.rejected(minimum == 0 ? "'" + input.key() + "' cannot be negative, got " + input.shown()
                        : "'" + input.key() + "' must be at least " + format(minimum) + ", got " + input.shown(),
                        hint + "; from " + format(minimum) + " to " + format(maximum));
            }
            if (value.compareTo(highest) > 0) {
                return Parsed.rejected("'" + input.key() + "' must be at most " + format(maximum) + ", got " + input.shown(),
                        hint + "; from " + format(minimum) + " to " + format(maximum));
            }
            // BigDecimal has no negative zero, so "-0" reads as 0.0
            return Parsed.of(value.doubleValue());
        };
    }

    /** A percentage above 0 and at most 100. */
    static ValueParser<Float> percentage() {
        BigDecimal hundred = BigDecimal.valueOf(100);
        return input -> {
            Optional<BigDecimal> parsed = decimal(input.text());
            if (parsed.isEmpty() || parsed.get().signum() <= 0 || parsed.get().compareTo(hundred) > 0) {
                String got = parsed.isEmpty() ? input.quoted() : input.shown();
                return Parsed.rejected("'" + input.key() + "' must be a percentage above 0 and at most 100, got " + got,
                        "for example " + input.key() + ": 50");
            }
            return Parsed.of(parsed.get().floatValue());
        };
    }

    static final ValueParser<Boolean> BOOLEAN = input -> {
        String word = input.text().toLowerCase(Locale.ROOT);
        return word.equals("true") || word.equals("false") ? Parsed.of(Boolean.parseBoolean(word))
                : Parsed.rejected("'" + input.key() + "' must be true or false, got " + input.quoted(), "write true or false");
    };

    /** One of an enum's constants, without regard to case, with {@code -} for {@code _}. */
    static <E extends Enum<E>> ValueParser<E> choice(Class<E> type) {
        return input -> {
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(input.text().replace('-', '_'))) {
                    return Parsed.of(constant);
                }
                allowed.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            return Parsed.rejected("'" + input.key() + "' cannot be " + input.quoted(), "use one of " + String.join(", ", allowed));
        };
    }

    /** A word from a set the caller knows, suggesting the nearest one. */
    static ValueParser<String> oneOf(Set<String> allowed) {
        return input -> {
            if (allowed.contains(input.text())) {
                return Parsed.of(input.text());
            }
            String suggestion = input.usesEnvironment() ? ""
                    : Suggestions.nearest(input.text(), allowed).map(s -> "did you mean '" + s + "'? ").orElse("");
            return Parsed.rejected("'" + input.key() + "' cannot be " + input.quoted(),
                    suggestion + "use one of " + String.join(", ", allowed));
        };
    }

    /** An absolute URL with one of {@code schemes}; http(s) URLs need a host. */
    static ValueParser<URI> url(Set<String> schemes) {
        return input -> {
            String text = input.text();
            if (text.isBlank()) {
                // an unset ${VAR:} reads as "not configured", which the caller decides about
                return Parsed.absent();
            }
            String key = input.key();
            try {
                URI uri = new URI(text);
                if (uri.getScheme() == null) {
                    String example = input.usesEnvironment() ? "https://api.example.com/health"
                            : schemes.contains("https") ? "https://" + text.replaceFirst("^([a-z]*:)?/*", "")
                            : schemes.iterator().next() + ":…";
                    return Parsed.rejected("'" + key + "' has no scheme: " + input.quoted(),
                            "write the full URL, e.g. " + ProblemText.shorten(example));
                }
                if (!schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
                    return Parsed.rejected(input.usesEnvironment() ? "'" + key + "' is not a URL of the right kind: " + input.quoted()
                            : "'" + key + "' has scheme " + ProblemText.quote(uri.getScheme()), "use " + String.join(" or ", schemes));
                }
                if (schemes.contains("http") && (uri.getHost() == null || uri.getHost().isBlank())) {
                    return Parsed.rejected("'" + key + "' has no host: " + input.quoted(),
                            "write the full URL, e.g. https://api.example.com/health");
                }
                return Parsed.of(uri);
            } catch (URISyntaxException malformed) {
                return Parsed.rejected("'" + key + "' is not a valid URL: " + malformed.getReason(),
                        "percent-encode spaces and special characters");
            }
        };
    }

    /**
     * Plain decimal notation only. A text longer than {@value #MAX_NUMBER_LENGTH} characters is cut before it
     * is parsed: its integer digits decide whether it is huge, and a long fraction changes nothing that matters.
     */
    static Optional<BigDecimal> decimal(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return Optional.empty();
            }
        }
        String parsed = text;
        if (text.length() > MAX_NUMBER_LENGTH) {
            Optional<String> shortened = shortenPlainDecimal(text);
            if (shortened.isEmpty()) {
                return Optional.empty();
            }
            parsed = shortened.get();
        }
        try {
            return Optional.of(new BigDecimal(parsed));
        } catch (NumberFormatException | ArithmeticException notDecimal) {
            return Optional.empty();
        }
    }

    /** A long {@code [sign]digits[.digits]} as a short text of the same size class; empty for anything else. */
    private static Optional<String> shortenPlainDecimal(String text) {
        boolean negative = text.charAt(0) == '-';
        String unsigned = negative || text.charAt(0) == '+' ? text.substring(1) : text;
        int dot = unsigned.indexOf('.');
        String whole = dot < 0 ? unsigned : unsigned.substring(0, dot);
        String fraction = dot < 0 ? "" : unsigned.substring(dot + 1);
        if ((whole.isEmpty() && fraction.isEmpty()) || !isWholeNumber(whole.isEmpty() ? "0" : whole)
                || (!fraction.isEmpty() && !isWholeNumber(fraction))) {
            return Optional.empty();
        }
        String significant = stripLeadingZeros(whole.isEmpty() ? "0" : whole);
        String sign = negative ? "-" : "";
        if (significant.length() > MAX_NUMBER_LENGTH / 2) {
            return Optional.of(sign + "1e" + significant.length()); // as far out of every range as the text
        }
        return Optional.of(sign + significant + "." + (fraction.isEmpty() ? "0"
                : fraction.substring(0, Math.min(fraction.length(), MAX_NUMBER_LENGTH / 2))));
    }

    /** An optional sign and ASCII digits, checked without a regular expression (see {@link Durations#read}). */
    static boolean isWholeNumber(String text) {
        int start = !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
        if (text.length() == start) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code 1000} rather than {@code 1000.0}, {@code 0.5} as is. */
    static String format(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
