package io.sentinel.rules.conditions;

import java.time.Duration;
import java.time.Instant;

/**
 * Two counts (failed and all, slow and all) over a sliding window, kept in {@value #SLOTS} fixed slots of a
 * thirtieth of the window each rather than sample by sample: three arrays of {@value #SLOTS} longs, 720 bytes,
 * however many samples arrive. The oldest slot leaves the window whole, so the counts cover between 29/30 of the
 * window and all of it.
 */
final class TimeBuckets {

    static final int SLOTS = 30;
    /** The memory the counts take, without object headers: what docs/rules.md states. */
    static final int BYTES = 3 * SLOTS * Long.BYTES;

    private final long slotMillis;
    /** The slot number (time / slot length) each slot currently counts, or {@link Long#MIN_VALUE} when empty. */
    private final long[] slotNumbers = new long[SLOTS];
    private final long[] counted = new long[SLOTS];
    private final long[] totals = new long[SLOTS];

    /** A sum over the window: the counted ones (failed, slow) and all of them. */
    record Counts(long counted, long total) {
    }

    TimeBuckets(Duration window) {
        this.slotMillis = Math.max(1, window.toMillis() / SLOTS);
        java.util.Arrays.fill(slotNumbers, Long.MIN_VALUE);
    }

    /** Adds to the slot of {@code at}; a sample older than the window is dropped. */
    void add(Instant at, long countedNow, long totalNow) {
        long number = Math.floorDiv(at.toEpochMilli(), slotMillis);
        int slot = (int) Math.floorMod(number, (long) SLOTS);
        if (slotNumbers[slot] > number) {
            return;
        }
        if (slotNumbers[slot] != number) {
            slotNumbers[slot] = number;
            counted[slot] = 0;
            totals[slot] = 0;
        }
        counted[slot] += countedNow;
        totals[slot] += totalNow;
    }

    /** The sums of the slots inside the window that ends at {@code at}. */
    Counts counts(Instant at) {
        long current = Math.floorDiv(at.toEpochMilli(), slotMillis);
        long countedSum = 0;
        long totalSum = 0;
        for (int slot = 0; slot < SLOTS; slot++) {
            if (slotNumbers[slot] > current - SLOTS && slotNumbers[slot] <= current) {
                countedSum += counted[slot];
                totalSum += totals[slot];
            }
        }
        return new Counts(countedSum, totalSum);
    }
}
