package io.sentinel.alert.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a notification again: exponential backoff with jitter (so a hundred retries after an outage
 * do not hit the channel in the same second), never sooner than the channel asked, and a point after which
 * a message is too old to be useful and is handed to the other channels instead.
 *
 * @param first     delay after the first failure
 * @param maximum   the delay stops growing here
 * @param giveUpAfter age of a notification after which it is no longer retried
 */
public record RetryPolicy(Duration first, Duration maximum, Duration giveUpAfter) {

    public static final RetryPolicy STANDARD = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofHours(24));

    public RetryPolicy {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(maximum, "maximum");
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
    }

    /**
     * @param attempts  attempts made so far, the failed one included
     * @param notBefore the channel's own wait (Slack's Retry-After), if any
     */
    public Instant nextAttempt(Instant now, int attempts, Optional<Duration> notBefore, RandomGenerator random) {
        long doubled = first.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        long ceiling = Math.min(doubled, maximum.toMillis());
        // "equal jitter": half fixed, half random, so the delay still grows but retries spread out
        long delay = ceiling / 2 + (long) (random.nextDouble() * (ceiling / 2.0));
        Duration wait = Duration.ofMillis(delay);
        if (notBefore.isPresent() && notBefore.get().compareTo(wait) > 0) {
            wait = notBefore.get();
        }
        return now.plus(wait);
    }

    public boolean isTooOld(Instant createdAt, Instant now) {
        return Duration.between(createdAt, now).compareTo(giveUpAfter) > 0;
    }
}
