package io.sentinel.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An alert on a number a probe reads (credits left, searches available, an export success rate), checked on
 * every result that carries it.
 *
 * @param reading         the reading's name, e.g. {@code searches.remaining}
 * @param below           fire while the value is below this
 * @param above           fire while the value is above this
 * @param exhaustsWithin  fire while the value's own trend reaches zero sooner than this
 * @param resetReading    a reading that says in how many days the allowance resets ({@code reset.days});
 *                        a trend that would only run out after the reset is no problem
 * @param severity        how much it matters
 */
public record ReadingAlert(String reading, Optional<Double> below, Optional<Double> above,
                           Optional<Duration> exhaustsWithin, Optional<String> resetReading, Severity severity) {

    /** Readings are counts, rates and dollars; a limit beyond a trillion is a typo. */
    public static final double LARGEST_LIMIT = 1e12;
    /** The trend is sampled every ten minutes: an hour is the shortest horizon it can speak to. */
    public static final Duration SHORTEST_EXHAUSTION = Duration.ofHours(1);
    public static final Duration LONGEST_EXHAUSTION = Duration.ofDays(365);

    public ReadingAlert {
        Objects.requireNonNull(reading, "reading");
        Objects.requireNonNull(below, "below");
        Objects.requireNonNull(above, "above");
        Objects.requireNonNull(exhaustsWithin, "exhaustsWithin");
        Objects.requireNonNull(resetReading, "resetReading");
        Objects.requireNonNull(severity, "severity");
        if (below.isEmpty() && above.isEmpty() && exhaustsWithin.isEmpty()) {
            throw new IllegalArgumentException("a reading alert needs below, above or exhaustsWithin");
        }
    }

    /** A stable name for this rule, used in alert subjects and incident ids. */
    public String name() {
        return reading + below.map(value -> " below " + format(value)).orElse("")
                + above.map(value -> " above " + format(value)).orElse("")
                + exhaustsWithin.map(value -> " exhausted within " + Durations.format(value)).orElse("");
    }

    static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
