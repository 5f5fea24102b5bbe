package io.sentinel.config;

import io.sentinel.secret.Secret;
import java.util.Objects;

/**
 * A Slack incoming webhook.
 *
 * @param id         the name routing refers to
 * @param webhookUrl the webhook URL (a secret: anyone holding it can post)
 */
public record SlackChannelConfig(String id, Secret webhookUrl) implements ChannelConfig {

    public static final String TYPE = "slack";

    public SlackChannelConfig {
        Identifiers.require(id, "channel id");
        Objects.requireNonNull(webhookUrl, "webhookUrl");
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
