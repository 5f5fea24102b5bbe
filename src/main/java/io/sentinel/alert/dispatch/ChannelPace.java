package io.sentinel.alert.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When one channel may be called next. At its steady pace, one message per {@link ChannelRate#spacing()} after the
 * previous one (Slack takes one message a second per webhook), carrying everything ready. Sooner than that only
 * out of a burst allowance counted in notifications ({@link ChannelRate#burst()}): a message may leave early when
 * the notifications it carries fit in what is left of the allowance. Every notification sent uses one; every
 * spacing of quiet earns one back, up to the burst. So alerts that come a few at a time leave as soon as their
 * grouping window ends, each in a message of its own if they come apart, while a storm, more alerts than the
 * allowance, waits for the steady pace and leaves in a few large messages. The allowance is a token bucket kept as
 * one instant (the generic cell rate algorithm): {@code theoretical} is when it would be full again.
 *
 * <p>Messages at the steady pace use the allowance too (down to empty, never below), so it only builds up in
 * quiet: over any stretch of time a channel gets at most {@code burst} messages more than its steady pace allows.
 * After passing failures the channel is not called before its pause is over, and then without a burst: one
 * message at the end of the pause, the next ones a spacing apart, until quiet earns the allowance back. Any answer
 * that is not a passing failure (taken, or refused for good) shows the channel works and ends the pause, so a
 * backlog drains at the channel's rate as soon as it recovers.
 */
final class ChannelPace {

    private final ChannelRate rate;
    private final RetryPolicy retries;
    private final RandomGenerator random;
    /** When the last message was sent: the steady pace counts from it. */
    private Instant lastSent = Instant.MIN;
    /** Not before this: a pause after passing failures. */
    private Instant pausedUntil = Instant.MIN;
    /** When the allowance would be full again if nothing more were sent; {@code null} while it is full. */
    private Instant theoretical;
    private int failuresInARow;

    ChannelPace(ChannelRate rate, RetryPolicy retries, RandomGenerator random) {
        this.rate = rate;
        this.retries = retries;
        this.random = random;
    }

    /**
     * The earliest moment a message of {@code notifications} may leave: at the steady pace, or sooner when they fit
     * in the burst allowance. {@link Instant#MIN} when it may leave at once.
     */
    Instant freeAt(int notifications) {
        Instant steady = lastSent.equals(Instant.MIN) ? Instant.MIN : lastSent.plus(rate.spacing());
        Instant free = steady.isBefore(early(notifications)) ? steady : early(notifications);
        return free.isBefore(pausedUntil) ? pausedUntil : free;
    }

    /** The channel answered a message of {@code notifications} sent now (took it or refused it for good). */
    void answered(Instant now, int notifications) {
        failuresInARow = 0;
        lastSent = now;
        Instant from = theoretical == null || theoretical.isBefore(now) ? now : theoretical;
        Instant used = from.plus(rate.spacing().multipliedBy(notifications));
        Instant empty = now.plus(allowance());
        // a large message at the steady pace empties the allowance; it does not borrow from the future
        theoretical = used.isAfter(empty) ? empty : used;
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
        pausedUntil = resume;
        // no burst right after the channel asked us to slow down: one message at the end of the pause, then the pace
        lastSent = resume.minus(rate.spacing());
        theoretical = resume.plus(allowance());
        return resume;
    }

    /** When the allowance holds {@code notifications}; never, for more than it can ever hold. */
    private Instant early(int notifications) {
        if (notifications > rate.burst()) {
            return Instant.MAX;
        }
        if (theoretical == null) {
            return Instant.MIN;
        }
        return theoretical.minus(rate.spacing().multipliedBy(rate.burst() - (long) notifications));
    }

    /** The whole allowance, as time: a spacing per notification. */
    private Duration allowance() {
        return rate.spacing().multipliedBy(rate.burst());
    }
}
