package io.sentinel.config;

import io.sentinel.secret.Secret;
import java.time.Duration;
import java.util.Objects;

/**
 * A Slack incoming webhook.
 *
 * @param id         the name routing refers to
 * @param webhookUrl the webhook URL (a secret: anyone holding it can post)
 * @param burst      how many alerts may leave sooner than one message a second after a quiet spell, each in a
 *                   message of its own if they come apart; beyond them, one message a second
 */
public record SlackChannelConfig(String id, Secret webhookUrl, int burst) implements ChannelConfig {

    public static final String TYPE = "slack";
    /**
     * Slack's documented rate for posting messages, incoming webhooks included: one message a second, on average
     * (https://api.slack.com/docs/rate-limits).
     */
    public static final Duration SPACING = Duration.ofSeconds(1);
    /**
     * Slack allows "short bursts" over one a second without saying how large. Five alerts decided apart within one
     * second may need five messages to each leave within its grouping window; more than five at once is a storm,
     * better read in one or two messages than in many. Over any stretch of time it costs Slack at most five
     * messages more than one a second.
     */
    public static final int DEFAULT_BURST = 5;
    /** Slack names no burst size; more than this would be betting on an undocumented allowance. */
    public static final int LARGEST_BURST = 10;

    public SlackChannelConfig {
        Identifiers.require(id, "channel id");
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        if (burst < 1 || burst > LARGEST_BURST) {
            throw new IllegalArgumentException("burst must be from 1 to " + LARGEST_BURST + ", was " + burst);
        }
    }

    public SlackChannelConfig(String id, Secret webhookUrl) {
        this(id, webhookUrl, DEFAULT_BURST);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean isEnabled() {
        return webhookUrl.isPresent();
    }

    @Override
    public String howToEnable() {
        return webhookUrl.howToSet("webhookUrl");
    }
}
