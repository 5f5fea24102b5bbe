package io.sentinel.alert.dispatch;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a channel's service lets us call it: on average one message per {@code spacing}, with up to
 * {@code burst} messages back to back after a quiet spell ({@link ChannelPace}).
 *
 * @param spacing the average time between two messages; zero for a channel that takes any rate
 * @param burst   how many messages may leave back to back, at least one
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
            throw new IllegalArgumentException("a burst is at least one message, not " + burst);
        }
    }

    /** One message per {@code spacing}, never two closer together. */
    public static ChannelRate every(Duration spacing) {
        return new ChannelRate(spacing, 1);
    }
}
