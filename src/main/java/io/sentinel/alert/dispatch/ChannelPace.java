package io.sentinel.alert.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When one channel may be called next: on average no more than once per {@link ChannelRate#spacing()} (Slack
 * takes one message a second per webhook), with up to {@link ChannelRate#burst()} calls back to back after the
 * channel has been quiet. It is a token bucket kept as one instant (the generic cell rate algorithm): every call
 * moves {@code theoretical} one spacing on from the later of itself and the call's time, and a call may be made
 * once the clock is no more than {@code burst - 1} spacings before it. So a quiet channel takes {@code burst}
 * calls at once, then one per spacing, and every spacing of quiet earns one call back, up to {@code burst}.
 *
 * <p>After passing failures the channel is not called before its pause is over, and then without a burst: the
 * first call at the end of the pause, the next ones a spacing apart, until quiet earns the burst back. Any answer
 * that is not a passing failure (taken, or refused for good) shows the channel works and ends the pause, so a
 * backlog drains at the channel's rate as soon as it recovers.
 */
final class ChannelPace {

    private final ChannelRate rate;
    private final RetryPolicy retries;
    private final RandomGenerator random;
    /** The moment the bucket would be full again if nothing more were sent; {@code null} while it is full. */
    private Instant theoretical;
    private int failuresInARow;

    ChannelPace(ChannelRate rate, RetryPolicy retries, RandomGenerator random) {
        this.rate = rate;
        this.retries = retries;
        this.random = random;
    }

    /** The earliest moment the channel may be called: {@link Instant#MIN} when it may be called at once. */
    Instant freeAt() {
        return theoretical == null ? Instant.MIN : theoretical.minus(allowance());
    }

    /** The channel answered a call made now (took the message or refused it for good). */
    void answered(Instant now) {
        failuresInARow = 0;
        took(now);
    }

    /**
     * The channel failed in passing.
     *
     * @return when it may be tried again
     */
    Instant failed(Instant now, Optional<Duration> channelAsked) {
        failuresInARow++;
        Duration pause = retries.pause(failuresInARow, channelAsked, random);
        Instant resume = now.plus(pause.compareTo(rate.spacing()) > 0 ? pause : rate.spacing());
        // no burst right after the channel asked us to slow down: one call at the end of the pause, then the pace
        theoretical = resume.plus(allowance());
        return resume;
    }

    private void took(Instant now) {
        Instant from = theoretical == null || theoretical.isBefore(now) ? now : theoretical;
        theoretical = from.plus(rate.spacing());
    }

    /** How far ahead of the clock the bucket may run: the calls of a burst beyond the first. */
    private Duration allowance() {
        return rate.spacing().multipliedBy(rate.burst() - 1L);
    }
}
