package io.sentinel.provider;

import io.sentinel.config.Durations;
import java.time.Duration;
import java.time.Instant;

/** How long ago a provider's timestamp was (a deployment, a workflow run), as a probe judges and says it. */
public final class Elapsed {

    private Elapsed() {
    }

    /** Time from {@code at} to {@code now}; a stamp ahead of our clock counts as just now. */
    public static Duration since(Instant at, Instant now) {
        Duration age = Duration.between(at, now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    /** Whole minutes as people write them ({@code 1h40m}), or "under a minute". */
    public static String inMinutes(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes == 0 ? "under a minute" : Durations.format(Duration.ofMinutes(minutes));
    }
}
