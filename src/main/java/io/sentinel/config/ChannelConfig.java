package io.sentinel.config;

/** Where alerts can be sent. Each channel type has its own record. */
public interface ChannelConfig {

    /** The name routing rules refer to. */
    String id();

    /** {@code log}, {@code slack}, {@code email}. */
    String type();
}
