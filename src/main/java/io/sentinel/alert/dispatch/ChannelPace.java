package io.sentinel.alert.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When one channel may be called next: never sooner than its spacing after the last call (Slack takes one
 * message a second per webhook), and after passing failures not before the channel's pause is over. Any
 * answer that is not a passing failure (taken, or refused for good) shows the channel works and ends the
 * pause, so a backlog drains at the channel's rate as soon as it recovers.
 */
final class ChannelPace {

    private final Duration spacing;
    private final RetryPolicy retries;
    private final RandomGenerator random;
    private Instant freeAt = Instant.MIN;
    private int failuresInARow;

    ChannelPace(Duration spacing, RetryPolicy retries, RandomGenerator random) {
        if (spacing.isNegative()) {
            throw new IllegalArgumentException("spacing cannot be negative, was " + spacing);
        }
        this.spacing = spacing;
        this.retries = retries;
        this.random = random;
    }

    Instant freeAt() {
        return freeAt;
    }

    /** The channel answered (took the message or refused it for good). */
    void answered(Instant now) {
        failuresInARow = 0;
        freeAt = now.plus(spacing);
    }

    /**
     * The channel failed in passing.
     *
     * @return when it may be tried again
     */
    Instant failed(Instant now, Optional<Duration> channelAsked) {
        failuresInARow++;
        Duration pause = retries.pause(failuresInARow, channelAsked, random);
        freeAt = now.plus(pause.compareTo(spacing) > 0 ? pause : spacing);
        return freeAt;
    }
}
