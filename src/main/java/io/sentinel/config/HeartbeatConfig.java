package io.sentinel.config;

import io.sentinel.secret.Secret;
import java.time.Duration;
import java.util.Objects;

/**
 * A dead-man's switch: while Sentinel is healthy it pings {@code url} every {@code interval}, so a service that
 * expects the pings (Healthchecks.io, Cronitor, Better Stack) raises the alarm when Sentinel itself is gone.
 *
 * @param url      where to send a GET; a secret, since such URLs carry the check's token; absent = no heartbeat
 * @param interval the time between pings
 */
public record HeartbeatConfig(Secret url, Duration interval) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);
    static final Duration SHORTEST_INTERVAL = Duration.ofSeconds(1);
    static final Duration LONGEST_INTERVAL = Duration.ofHours(1);
    public static final HeartbeatConfig NONE = new HeartbeatConfig(Secret.none(), DEFAULT_INTERVAL);

    public HeartbeatConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(interval, "interval");
        if (interval.compareTo(SHORTEST_INTERVAL) < 0 || interval.compareTo(LONGEST_INTERVAL) > 0) {
            throw new IllegalArgumentException("interval must be from 1s to 1h, was " + interval);
        }
    }

    public boolean isEnabled() {
        return url.isPresent();
    }
}
