package io.sentinel.rules.conditions;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * A reading's history over a baseline period, one value per slot of 1/{@value #SLOTS} of the period (an hour of a
 * week): the newest value seen in each slot. Two arrays of {@value #SLOTS}, 2,688 bytes, however often the
 * reading arrives.
 */
final class ValueHistory {

    static final int SLOTS = 168;
    static final int BYTES = SLOTS * (Long.BYTES + Double.BYTES);
    /** Fewer values than this are no baseline, however long they span. */
    static final int MINIMUM_VALUES = 10;

    private final long slotMillis;
    private final long[] slotNumbers = new long[SLOTS];
    private final double[] values = new double[SLOTS];

    ValueHistory(Duration period) {
        this.slotMillis = Math.max(1, period.toMillis() / SLOTS);
        Arrays.fill(slotNumbers, Long.MIN_VALUE);
    }

    void add(Instant at, double value) {
        long number = Math.floorDiv(at.toEpochMilli(), slotMillis);
        int slot = (int) Math.floorMod(number, (long) SLOTS);
        if (slotNumbers[slot] <= number) {
            slotNumbers[slot] = number;
            values[slot] = value;
        }
    }

    /**
     * The median of the slots before the one of {@code at}, within the period; empty until there is enough
     * history: at least {@value #MINIMUM_VALUES} values, the oldest at least half the period before {@code at}.
     */
    Optional<Double> medianBefore(Instant at) {
        long current = Math.floorDiv(at.toEpochMilli(), slotMillis);
        double[] earlier = new double[SLOTS];
        int count = 0;
        long oldest = current;
        for (int slot = 0; slot < SLOTS; slot++) {
            if (slotNumbers[slot] > current - SLOTS && slotNumbers[slot] < current) {
                earlier[count++] = values[slot];
                oldest = Math.min(oldest, slotNumbers[slot]);
            }
        }
        if (count < MINIMUM_VALUES || current - oldest < SLOTS / 2) {
            return Optional.empty();
        }
        double[] sorted = Arrays.copyOf(earlier, count);
        Arrays.sort(sorted);
        return Optional.of(count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2);
    }

    /** How many earlier values there are, and how far back the oldest lies, for "not enough history" messages. */
    String extent(Instant at) {
        long current = Math.floorDiv(at.toEpochMilli(), slotMillis);
        int count = 0;
        long oldest = current;
        for (int slot = 0; slot < SLOTS; slot++) {
            if (slotNumbers[slot] > current - SLOTS && slotNumbers[slot] < current) {
                count++;
                oldest = Math.min(oldest, slotNumbers[slot]);
            }
        }
        return count + (count == 1 ? " earlier value" : " earlier values") + " over "
                + io.sentinel.config.Durations.format(Duration.ofMillis((current - oldest) * slotMillis));
    }
}
