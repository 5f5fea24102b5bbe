package io.sentinel.rules.conditions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The recent history of one reading, thinned to one sample per {@link #SPACING}, and the straight line through
 * it: how fast a balance is being used, and so when it runs out.
 */
final class ReadingTrend {

    static final Duration SPACING = Duration.ofMinutes(10);
    static final Duration SPAN = Duration.ofDays(7);
    /** Less history than this says nothing about a trend. */
    static final Duration MINIMUM_SPAN = Duration.ofHours(1);
    private static final int MINIMUM_SAMPLES = 3;

    private record Sample(Instant at, double value) {
    }

    private final Deque<Sample> samples = new ArrayDeque<>();

    synchronized void add(Instant at, double value) {
        Sample last = samples.peekLast();
        if (last != null && Duration.between(last.at(), at).compareTo(SPACING) < 0) {
            return;
        }
        samples.addLast(new Sample(at, value));
        while (!samples.isEmpty() && Duration.between(samples.peekFirst().at(), at).compareTo(SPAN) > 0) {
            samples.removeFirst();
        }
    }

    /**
     * How long until the value reaches zero at the current rate, by least squares over the samples; empty when
     * there is too little history or the value is not falling.
     */
    synchronized Optional<Duration> timeUntilZero() {
        if (samples.size() < MINIMUM_SAMPLES
                || Duration.between(samples.peekFirst().at(), samples.peekLast().at()).compareTo(MINIMUM_SPAN) < 0) {
            return Optional.empty();
        }
        Instant origin = samples.peekFirst().at();
        double n = samples.size();
        double sumX = 0;
        double sumY = 0;
        double sumXX = 0;
        double sumXY = 0;
        for (Sample sample : samples) {
            double x = Duration.between(origin, sample.at()).toMillis() / 3_600_000.0;
            sumX += x;
            sumY += sample.value();
            sumXX += x * x;
            sumXY += x * sample.value();
        }
        double denominator = n * sumXX - sumX * sumX;
        if (denominator == 0) {
            return Optional.empty();
        }
        double slopePerHour = (n * sumXY - sumX * sumY) / denominator;
        double latest = samples.peekLast().value();
        if (slopePerHour >= 0 || latest <= 0) {
            return latest <= 0 ? Optional.of(Duration.ZERO) : Optional.empty();
        }
        double hours = latest / -slopePerHour;
        return Optional.of(Duration.ofMinutes((long) Math.min(hours * 60, Duration.ofDays(3650).toMinutes())));
    }
}
