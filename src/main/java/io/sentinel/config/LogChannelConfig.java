package io.sentinel.config;

/** Alerts written to the daemon's log. Always available; the channel of last resort. */
public record LogChannelConfig(String id) implements ChannelConfig {

    public static final String TYPE = "log";

    public LogChannelConfig {
        Identifiers.require(id, "channel id");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
