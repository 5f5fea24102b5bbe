package io.sentinel.alert.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How long a channel pauses after a passing failure, and when a notification is too old to wait for it.
 *
 * <p>The pause belongs to the channel, not to a message: a 5xx, a timeout or a 429 says the channel cannot
 * take anything right now. Without an explicit wait from the channel the pause grows exponentially with
 * "equal jitter" over the failures in a row, and stops growing at {@code maximum}, so while a channel is
 * down it is still tried that often and the first message after it recovers leaves at most that long
 * after. When the channel says how long to wait (Slack's {@code Retry-After} on a 429), that is the pause:
 * it knows better than our guess, and Slack may disable a webhook that keeps calling while told to wait.
 *
 * @param first       pause after the first failure in a row
 * @param maximum     the pause stops growing here
 * @param giveUpAfter age of a notification after which it is no longer retried, but sent over the other channels
 */
public record RetryPolicy(Duration first, Duration maximum, Duration giveUpAfter) {

    /**
     * 2 s doubling to 30 s: a down webhook costs at most 2 880 calls a day (far below Slack's one a second),
     * and after an outage the backlog starts moving within 30 s. The give-up age is about the message, so
     * it does not depend on how often the channel is tried.
     */
    public static final RetryPolicy STANDARD = new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofHours(24));

    public RetryPolicy {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(maximum, "maximum");
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
        if (first.isNegative() || first.isZero()) {
            throw new IllegalArgumentException("the first pause must be positive, was " + first);
        }
        if (maximum.compareTo(first) < 0) {
            throw new IllegalArgumentException("the longest pause (" + maximum + ") is shorter than the first (" + first + ")");
        }
        if (giveUpAfter.isNegative() || giveUpAfter.isZero()) {
            throw new IllegalArgumentException("the give-up age must be positive, was " + giveUpAfter);
        }
    }

    /**
     * @param failuresInARow passing failures of the channel since it last took or refused a message, the one
     *                       just seen included
     * @param channelAsked   the channel's own wait (Slack's Retry-After), if it gave one
     * @return how long the channel pauses before its next attempt
     */
    public Duration pause(int failuresInARow, Optional<Duration> channelAsked, RandomGenerator random) {
        if (channelAsked.isPresent()) {
            return channelAsked.get();
        }
        long doubled = first.toMillis() << Math.min(Math.max(failuresInARow - 1, 0), 20);
        long ceiling = Math.min(doubled, maximum.toMillis());
        // half fixed, half random: the pause still grows, but many senders recovering together spread out
        return Duration.ofMillis(ceiling / 2 + (long) (random.nextDouble() * (ceiling / 2.0)));
    }

    public boolean isTooOld(Instant createdAt, Instant now) {
        return Duration.between(createdAt, now).compareTo(giveUpAfter) > 0;
    }
}
