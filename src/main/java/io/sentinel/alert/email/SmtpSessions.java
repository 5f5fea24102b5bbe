package io.sentinel.alert.email;

import io.sentinel.config.EmailChannelConfig;
import io.sentinel.config.EmailChannelConfig.Security;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;

/** The Jakarta Mail session for one email channel: protocol, TLS policy, authentication and timeouts. */
final class SmtpSessions {

    private SmtpSessions() {
    }

    /** {@code smtps} for implicit TLS (465), {@code smtp} otherwise. */
    static String protocol(EmailChannelConfig config) {
        return config.security() == Security.TLS ? "smtps" : "smtp";
    }

    /**
     * @param trust the certificates to trust instead of the JVM's trust store; tests only, never configurable
     */
    static Session create(EmailChannelConfig config, Optional<SSLSocketFactory> trust) {
        String protocol = protocol(config);
        String prefix = "mail." + protocol + ".";
        Properties properties = new Properties();
        properties.setProperty("mail.transport.protocol", protocol);
        properties.setProperty(prefix + "host", config.host());
        properties.setProperty(prefix + "port", Integer.toString(config.port()));
        String timeout = Long.toString(millis(config.timeout()));
        properties.setProperty(prefix + "connectiontimeout", timeout);
        properties.setProperty(prefix + "timeout", timeout);
        properties.setProperty(prefix + "writetimeout", timeout);
        properties.setProperty(prefix + "auth", Boolean.toString(!config.username().isEmpty()));
        // One unknown recipient must not keep the alert from the others.
        properties.setProperty(prefix + "sendpartial", "true");
        switch (config.security()) {
            case STARTTLS -> {
                properties.setProperty(prefix + "starttls.enable", "true");
                // Without this a server (or someone in between) that hides STARTTLS gets the password in clear.
                properties.setProperty(prefix + "starttls.required", "true");
                properties.setProperty(prefix + "ssl.checkserveridentity", "true");
            }
            case TLS -> {
                properties.setProperty(prefix + "ssl.enable", "true");
                properties.setProperty(prefix + "ssl.checkserveridentity", "true");
            }
            case NONE -> properties.setProperty(prefix + "starttls.enable", "false");
        }
        // Used for implicit TLS and for the STARTTLS upgrade alike.
        trust.ifPresent(factory -> properties.put(prefix + "ssl.socketFactory", factory));
        return Session.getInstance(properties);
    }

    private static long millis(Duration timeout) {
        return Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }
}
