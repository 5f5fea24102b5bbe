package io.sentinel.config;

import io.sentinel.secret.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/** Reads the optional {@code heartbeat:} section. */
final class HeartbeatReader {

    private HeartbeatReader() {
    }

    /**
     * The URL is read as a secret: registered with the redactor, and never quoted in a problem, because the
     * token of a ping URL is usually its path. Empty (as {@code ${SENTINEL_HEARTBEAT_URL:}} gives) means off.
     */
    static HeartbeatConfig read(ConfigSection section) {
        Secret url = section.secret("url");
        Duration interval = section.duration("interval", HeartbeatConfig.SHORTEST_INTERVAL, HeartbeatConfig.LONGEST_INTERVAL,
                HeartbeatConfig.DEFAULT_INTERVAL);
        if (url.isPresent() && !isHttpUrl(url.value().strip())) {
            section.problem("url", "heartbeat 'url' is not an absolute http or https URL (its value is not shown: such "
                    + "URLs carry a token)", "for example url: ${SENTINEL_HEARTBEAT_URL} with the ping URL your "
                    + "monitoring service gives, such as https://hc-ping.com/<uuid>");
            return null;
        }
        return new HeartbeatConfig(url, interval);
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException malformed) {
            return false;
        }
    }
}
