package io.sentinel.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The shortest interval a check kind allows, because the API it calls is rate-limited for everyone who uses the
 * account, and why.
 *
 * @param minimum the shortest interval
 * @param reason  why, for the operator: "the Management API allows about 60 requests a minute per user"
 * @param advice  what to write instead: "use interval: 1m or more"
 */
public record IntervalFloor(Duration minimum, String reason, String advice) {

    public IntervalFloor {
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(advice, "advice");
        if (minimum.isNegative() || minimum.isZero()) {
            throw new IllegalArgumentException("an interval floor must be positive, was " + minimum);
        }
    }

    /** "supabase-logs runs at most once a minute". */
    String describe(String kind) {
        return kind + " runs at most once " + (minimum.equals(Duration.ofMinutes(1)) ? "a minute" : "every " + Durations.format(minimum));
    }
}
