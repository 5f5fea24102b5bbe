package io.sentinel.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rule watches for: one of five kinds, each an immutable record checked in its constructor. The
 * configuration writes them as short expressions ({@code errorRate: "> 5% over 30m, min 10"}); {@link #describe()}
 * says them back in words, for alerts and for the rule's id.
 */
public sealed interface RuleCondition {

    /** What the rule watches for in words: {@code error rate above 5% over 30m, min 10}. */
    String describe();

    /** How far back the results reach that decide it now: what a restart rebuilds from stored results. */
    Duration lookback();

    /** The shortest window of {@code errorRate} and {@code latency}: a few probes of a check run every 10 s. */
    Duration SHORTEST_WINDOW = Duration.ofMinutes(1);
    /** The longest window: a week of rare probes (a paid search every 30 minutes) is still a few hundred. */
    Duration LONGEST_WINDOW = Duration.ofDays(7);
    int MAX_MINIMUM_SAMPLES = 100_000;
    int DEFAULT_MINIMUM_SAMPLES = 10;
    /** A baseline shorter than an hour has too little history to call anything unusual. */
    Duration SHORTEST_BASELINE = Duration.ofHours(1);
    Duration LONGEST_BASELINE = Duration.ofDays(30);
    /** A baseline ratio above this is a typo (a thousandfold). */
    double LARGEST_BASELINE_PERCENT = 100_000;
    /** Readings are counts, rates and dollars; a limit beyond a trillion is a typo. */
    double LARGEST_LIMIT = 1e12;
    /** The trend is sampled every ten minutes: an hour is the shortest horizon it can speak to. */
    Duration SHORTEST_EXHAUSTION = Duration.ofHours(1);
    Duration LONGEST_EXHAUSTION = Duration.ofDays(365);
    /** How long a falling balance's trend looks back (see the trend's own sampling). */
    Duration TREND_SPAN = Duration.ofDays(7);
    double LOWEST_PERCENTILE = 1;
    double HIGHEST_PERCENTILE = 99.9;

    /** Above or below. */
    enum Comparison {
        ABOVE(">", "above"),
        BELOW("<", "below");

        private final String symbol;
        private final String word;

        Comparison(String symbol, String word) {
            this.symbol = symbol;
            this.word = word;
        }

        public String symbol() {
            return symbol;
        }

        public String word() {
            return word;
        }

        public boolean holds(double value, double limit) {
            return this == ABOVE ? value > limit : value < limit;
        }

        static Optional<Comparison> of(String symbol) {
            return symbol.equals(">") ? Optional.of(ABOVE) : symbol.equals("<") ? Optional.of(BELOW) : Optional.empty();
        }
    }

    /**
     * The readings that count real traffic: requests and the failed ones among them, per series when the
     * names have a {@code *} (both the same number of them).
     */
    record Traffic(ReadingPattern requests, ReadingPattern errors) {
        public Traffic {
            Objects.requireNonNull(requests, "requests");
            Objects.requireNonNull(errors, "errors");
            if (requests.hasWildcard() != errors.hasWildcard()) {
                throw new IllegalArgumentException("requests and errors need a * both or neither");
            }
        }
    }

    /**
     * The share of failed calls over a sliding window, judged once it holds {@code minimumSamples} calls.
     * Calls are the check's probes (a DOWN result failed), or real traffic counted by readings.
     */
    record ErrorRate(double percent, Duration window, int minimumSamples, Optional<Traffic> traffic) implements RuleCondition {
        public ErrorRate {
            requirePercentage(percent);
            requireWindow(window);
            requireMinimum(minimumSamples);
            Objects.requireNonNull(traffic, "traffic");
        }

        @Override
        public String describe() {
            String what = traffic.map(t -> "error rate of " + t.errors() + " per " + t.requests()).orElse("error rate");
            return what + " above " + ValueParsers.format(percent) + "% over " + Durations.format(window)
                    + ", min " + minimumSamples;
        }

        @Override
        public Duration lookback() {
            return window;
        }
    }

    /**
     * A latency percentile of the check's probes over a sliding window, above a limit; judged once it holds
     * {@code minimumSamples} probes.
     */
    record Latency(double percentile, Duration limit, Duration window, int minimumSamples) implements RuleCondition {
        public Latency {
            if (!(percentile >= LOWEST_PERCENTILE && percentile <= HIGHEST_PERCENTILE)) {
                throw new IllegalArgumentException("percentile must be from 1 to 99.9, was " + percentile);
            }
            Objects.requireNonNull(limit, "limit");
            if (limit.isNegative() || limit.isZero() || limit.compareTo(CheckConfig.LONGEST_LATENCY_LIMIT) > 0) {
                throw new IllegalArgumentException("latency limit must be from 1ms to 10m, was " + limit);
            }
            requireWindow(window);
            requireMinimum(minimumSamples);
        }

        @Override
        public String describe() {
            return "p" + ValueParsers.format(percentile) + " above " + Durations.format(limit) + " over "
                    + Durations.format(window) + ", min " + minimumSamples;
        }

        @Override
        public Duration lookback() {
            return window;
        }
    }

    /** A reading against the median of its own history over {@code period}: {@code > 150%} of it. */
    record Baseline(ReadingPattern reading, Comparison comparison, double percent, Duration period) implements RuleCondition {
        public Baseline {
            Objects.requireNonNull(reading, "reading");
            Objects.requireNonNull(comparison, "comparison");
            boolean sensible = comparison == Comparison.ABOVE ? percent > 100 && percent <= LARGEST_BASELINE_PERCENT
                    : percent > 0 && percent < 100;
            if (!sensible) {
                throw new IllegalArgumentException("a baseline ratio must be above 100% for > and below 100% for <, was "
                        + percent);
            }
            Objects.requireNonNull(period, "period");
            if (period.compareTo(SHORTEST_BASELINE) < 0 || period.compareTo(LONGEST_BASELINE) > 0) {
                throw new IllegalArgumentException("baseline period must be from 1h to 30d, was " + period);
            }
        }

        @Override
        public String describe() {
            return reading + " " + comparison.word() + " " + ValueParsers.format(percent) + "% of its "
                    + Durations.format(period) + " median";
        }

        @Override
        public Duration lookback() {
            return period;
        }
    }

    /** A reading above or below a fixed limit. */
    record ReadingLimit(ReadingPattern reading, Comparison comparison, double limit) implements RuleCondition {
        public ReadingLimit {
            Objects.requireNonNull(reading, "reading");
            Objects.requireNonNull(comparison, "comparison");
            if (!(Math.abs(limit) <= LARGEST_LIMIT)) {
                throw new IllegalArgumentException("limit must be within ±10^12, was " + limit);
            }
        }

        @Override
        public String describe() {
            return reading + " " + comparison.word() + " " + ValueParsers.format(limit);
        }

        /** Only the newest value decides; the history rebuilds whether it already held before a restart. */
        @Override
        public Duration lookback() {
            return Duration.ofDays(1);
        }
    }

    /**
     * A balance whose own trend reaches zero sooner than {@code within}; not a problem when it resets first
     * ({@code resetReading} says in how many days).
     */
    record Exhaustion(ReadingPattern reading, Duration within, Optional<String> resetReading) implements RuleCondition {
        public Exhaustion {
            Objects.requireNonNull(reading, "reading");
            Objects.requireNonNull(within, "within");
            Objects.requireNonNull(resetReading, "resetReading");
            if (within.compareTo(SHORTEST_EXHAUSTION) < 0 || within.compareTo(LONGEST_EXHAUSTION) > 0) {
                throw new IllegalArgumentException("exhaustsWithin must be from 1h to 365d, was " + within);
            }
        }

        @Override
        public String describe() {
            return reading + " runs out within " + Durations.format(within);
        }

        @Override
        public Duration lookback() {
            return TREND_SPAN;
        }
    }

    private static void requirePercentage(double percent) {
        if (!(percent > 0 && percent < 100)) {
            throw new IllegalArgumentException("error rate must be above 0% and below 100%, was " + percent);
        }
    }

    private static void requireWindow(Duration window) {
        Objects.requireNonNull(window, "window");
        if (window.compareTo(SHORTEST_WINDOW) < 0 || window.compareTo(LONGEST_WINDOW) > 0) {
            throw new IllegalArgumentException("window must be from 1m to 7d, was " + window);
        }
    }

    private static void requireMinimum(int minimumSamples) {
        if (minimumSamples < 1 || minimumSamples > MAX_MINIMUM_SAMPLES) {
            throw new IllegalArgumentException("minimum samples must be from 1 to 100000, was " + minimumSamples);
        }
    }
}
