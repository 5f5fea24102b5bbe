package io.sentinel.config;

import java.time.Duration;
import java.util.Optional;

/** Durations as operators write them: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 7d}. */
public final class Durations {

    public static final String ACCEPTED = "a duration like 500ms, 30s, 5m, 1h or 1h30m";
    /**
     * Nothing Sentinel does waits a century; longer texts are refused here, so that no caller meets a
     * {@link Duration} that overflows when turned into milliseconds or added to an instant.
     */
    public static final Duration LONGEST = Duration.ofDays(36_500);

    private static final long LONGEST_MILLIS = LONGEST.toMillis();
    /** More digits than this cannot be below {@link #LONGEST} in any unit, and could overflow a long. */
    private static final int MAX_DIGITS = 15;

    /**
     * What a text says as a duration.
     *
     * @param duration   the duration, when the text is one and at most {@link #LONGEST}
     * @param wellFormed whether the text has the shape of a duration; true with no duration means too long
     */
    public record Reading(Optional<Duration> duration, boolean wellFormed) {
        static final Reading MALFORMED = new Reading(Optional.empty(), false);
        static final Reading TOO_LONG = new Reading(Optional.empty(), true);

        public boolean isTooLong() {
            return wellFormed && duration.isEmpty();
        }
    }

    private Durations() {
    }

    /** The duration, or empty when the text is not one or is longer than {@link #LONGEST}. Never throws. */
    public static Optional<Duration> parse(String text) {
        return read(text).duration();
    }

    /**
     * Reads {@code <digits><unit>} parts one by one. A scanner rather than a regular expression, because
     * Java's regex engine recurses once per repetition and a long enough value would overflow the stack.
     */
    public static Reading read(String text) {
        if (text == null) {
            return Reading.MALFORMED;
        }
        String compact = text.strip();
        if (compact.isEmpty()) {
            return Reading.MALFORMED;
        }
        long totalMillis = 0;
        boolean tooLong = false;
        int at = 0;
        while (at < compact.length()) {
            int digitsStart = at;
            while (at < compact.length() && isAsciiDigit(compact.charAt(at))) {
                at++;
            }
            if (at == digitsStart || at == compact.length()) {
                return Reading.MALFORMED;
            }
            String digits = compact.substring(digitsStart, at);
            long unitMillis;
            if (compact.startsWith("ms", at)) {
                unitMillis = 1;
                at += 2;
            } else {
                unitMillis = switch (compact.charAt(at)) {
                    case 's' -> 1_000L;
                    case 'm' -> 60_000L;
                    case 'h' -> 3_600_000L;
                    case 'd' -> 86_400_000L;
                    default -> 0L;
                };
                if (unitMillis == 0) {
                    return Reading.MALFORMED;
                }
                at++;
            }
            if (tooLong) {
                continue; // keep scanning: a malformed tail still makes the whole text "not a duration"
            }
            String significant = stripLeadingZeros(digits);
            if (significant.length() > MAX_DIGITS) {
                tooLong = true;
                continue;
            }
            long amount = Long.parseLong(significant.isEmpty() ? "0" : significant);
            if (amount > (LONGEST_MILLIS - totalMillis) / unitMillis) {
                tooLong = true;
                continue;
            }
            totalMillis += amount * unitMillis;
        }
        return tooLong ? Reading.TOO_LONG : new Reading(Optional.of(Duration.ofMillis(totalMillis)), true);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String stripLeadingZeros(String digits) {
        int first = 0;
        while (first < digits.length() && digits.charAt(first) == '0') {
            first++;
        }
        return digits.substring(first);
    }

    /** The shortest way an operator would write this duration. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0s";
        }
        if (millis % 1000 != 0) {
            return millis + "ms";
        }
        long seconds = millis / 1000;
        StringBuilder text = new StringBuilder();
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (days > 0) {
            text.append(days).append('d');
        }
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (minutes > 0) {
            text.append(minutes).append('m');
        }
        if (rest > 0) {
            text.append(rest).append('s');
        }
        return text.toString();
    }
}
