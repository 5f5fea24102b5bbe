package io.sentinel.config;

import io.sentinel.secret.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Email over SMTP.
 *
 * @param id        the name routing refers to
 * @param host      SMTP server
 * @param port      587 for STARTTLS, 465 for implicit TLS
 * @param security  how the connection is protected
 * @param username  SMTP user, empty for no authentication
 * @param password  SMTP password or app password
 * @param from      sender address
 * @param to        recipients
 * @param timeout   connect, read and write timeout for the SMTP conversation
 */
public record EmailChannelConfig(String id, String host, int port, Security security, String username, Secret password,
                                 String from, List<String> to, Duration timeout) implements ChannelConfig {

    public static final String TYPE = "email";
    /** The SMTP conversation of one message; longer only holds the alert queue up. */
    public static final Duration LONGEST_TIMEOUT = Duration.ofMinutes(5);

    /** How the SMTP connection is protected. */
    public enum Security {
        /** Plain connect, then STARTTLS, refusing to continue without it (port 587). */
        STARTTLS,
        /** TLS from the first byte (port 465). */
        TLS,
        /** No encryption: only for a relay on the same host or in tests. */
        NONE
    }

    public EmailChannelConfig {
        Identifiers.require(id, "channel id");
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
        Objects.requireNonNull(security, "security");
        username = username == null ? "" : username;
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(from, "from");
        to = List.copyOf(to);
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** An empty host (an unset {@code ${SMTP_HOST:}}) means email is not set up. */
    @Override
    public boolean isEnabled() {
        return !host.isBlank();
    }

    @Override
    public String howToEnable() {
        return "set the SMTP host (host:)";
    }
}
