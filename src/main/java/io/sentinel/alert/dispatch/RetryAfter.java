package io.sentinel.alert.dispatch;

import java.time.Duration;
import java.util.Optional;

/** A channel's {@code Retry-After} answer, read the same way for every channel that speaks HTTP. */
public final class RetryAfter {

    public static final Duration DEFAULT = Duration.ofSeconds(1);
    /** A proxy asking for a day's pause must not silence alerting for a day; the outbox retries anyway. */
    public static final Duration LONGEST = Duration.ofHours(1);

    private RetryAfter() {
    }

    /** Seconds as the header gives them; one second when missing or unreadable (HTTP dates included). */
    public static Duration of(Optional<String> header) {
        try {
            long seconds = Long.parseLong(header.orElse("").strip());
            if (seconds < 0) {
                return DEFAULT;
            }
            Duration wait = Duration.ofSeconds(seconds);
            return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
        } catch (NumberFormatException unreadable) {
            return DEFAULT;
        }
    }
}
