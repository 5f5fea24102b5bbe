package io.sentinel.alert.dispatch;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a channel's service lets us call it: one message per {@code spacing} at the steady pace, sooner for up
 * to {@code burst} notifications after a quiet spell ({@link ChannelPace}).
 *
 * @param spacing the time between two messages at the steady pace; zero for a channel that takes any rate
 * @param burst   how many notifications may leave sooner than the steady pace, at least one
 */
public record ChannelRate(Duration spacing, int burst) {

    /** A channel that sets no limit of its own (email, the log, a route that paces itself). */
    public static final ChannelRate UNLIMITED = new ChannelRate(Duration.ZERO, 1);

    public ChannelRate {
        Objects.requireNonNull(spacing, "spacing");
        if (spacing.isNegative()) {
            throw new IllegalArgumentException("spacing cannot be negative, was " + spacing);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("a burst is at least one notification, not " + burst);
        }
    }

    /** One message per {@code spacing}, never two closer together (a burst of one: the message at the pace). */
    public static ChannelRate every(Duration spacing) {
        return new ChannelRate(spacing, 1);
    }
}
