package io.sentinel.report.diagnostics;

import java.util.Arrays;
import java.util.OptionalLong;

/** The latencies of one check's answered probes, held only while that check is being read. */
final class Latencies {

    private long[] millis = new long[256];
    private int size;

    void add(long latencyMillis) {
        if (size == millis.length) {
            millis = Arrays.copyOf(millis, size * 2);
        }
        millis[size++] = latencyMillis;
    }

    /** The nearest-rank percentile ({@code 0 < quantile <= 1}): a latency some probe really had. */
    OptionalLong percentile(double quantile) {
        if (size == 0) {
            return OptionalLong.empty();
        }
        Arrays.sort(millis, 0, size);
        int rank = (int) Math.ceil(quantile * size);
        return OptionalLong.of(millis[Math.max(0, rank - 1)]);
    }
}
