package io.sentinel.config;

/** Where alerts can be sent. Each channel type has its own record. */
public interface ChannelConfig {

    /** The name routing rules refer to. */
    String id();

    /** {@code log}, {@code slack}, {@code email}. */
    String type();

    /**
     * False when the channel's address comes from an environment variable that is not set (an empty
     * {@code ${SLACK_WEBHOOK_URL:}}): the channel is then skipped, with a warning at start, rather than failing
     * every message.
     */
    default boolean isEnabled() {
        return true;
    }

    /** What to set to enable the channel, for the warning. */
    default String howToEnable() {
        return "";
    }
}
