package io.sentinel.probe;

import java.time.Duration;
import java.util.Locale;

/** Latencies as people read them in a message: {@code 312ms}, {@code 3s}, {@code 3.2s}. */
public final class Latencies {

    private Latencies() {
    }

    public static String format(Duration latency) {
        long millis = latency.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
}
