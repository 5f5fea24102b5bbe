package io.sentinel.alert.dispatch;

import java.time.Duration;
import java.util.Objects;

/**
 * How one channel gathers notifications into messages. A notification waits at most {@code window} after it
 * was decided for others decided with it; then one message carries it and every other notification the
 * channel may send at that moment (at most {@code largest}), so K alerts raised together take one message
 * instead of K, and a backlog that piled up while the channel was paced or paused leaves together too.
 *
 * @param window  the longest a new notification waits for others; zero sends it at once (still together with
 *                whatever else is ready)
 * @param largest the most notifications one message carries
 */
public record Grouping(Duration window, int largest) {

    /** Every notification alone, at once: how channels behaved before grouping, and what narrow tests use. */
    public static final Grouping NONE = new Grouping(Duration.ZERO, 1);
    /** One Slack message stays readable, and within Slack's 50 blocks, with fifty alerts in it. */
    public static final int LARGEST_MESSAGE = 50;

    public Grouping {
        Objects.requireNonNull(window, "window");
        if (window.isNegative()) {
            throw new IllegalArgumentException("the grouping window cannot be negative, was " + window);
        }
        if (largest < 1) {
            throw new IllegalArgumentException("a message carries at least one notification, not " + largest);
        }
    }

    public static Grouping within(Duration window) {
        return new Grouping(window, LARGEST_MESSAGE);
    }
}
