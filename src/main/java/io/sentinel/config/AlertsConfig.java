package io.sentinel.config;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where alerts go.
 *
 * @param channels        the configured channels
 * @param routing         which channels each severity goes to
 * @param sendOnResolved  whether recoveries are announced
 * @param reminderInterval how often a still-firing alert is repeated
 * @param maintenance     windows when notifications are held back
 * @param groupWindow     how long a channel gathers notifications decided together into one message
 * @param channelGroupWindows a channel's own {@code groupWindow}, by channel id, where it has one
 */
public record AlertsConfig(List<ChannelConfig> channels, Map<Severity, List<String>> routing,
                           boolean sendOnResolved, Duration reminderInterval, List<MaintenanceWindow> maintenance,
                           Duration groupWindow, Map<String, Duration> channelGroupWindows) {

    public static final Duration DEFAULT_REMINDER = Duration.ofHours(1);
    public static final Duration MINIMUM_REMINDER = Duration.ofMinutes(5);
    /** A still-firing alert repeated less than weekly is an alert forgotten. */
    public static final Duration MAXIMUM_REMINDER = Duration.ofDays(7);
    /**
     * Alerts decided within a fifth of a second are one event for the people reading them, and the first of them
     * waits no longer than that for the others. Not the quarter second first planned: an alert must reach Slack
     * within 250 ms of its deciding probe, window included, so the window leaves 50 ms for the pipeline.
     */
    public static final Duration DEFAULT_GROUP_WINDOW = Duration.ofMillis(200);
    /** Longer than this, grouping would delay the first alert more than it saves in messages. */
    public static final Duration LONGEST_GROUP_WINDOW = Duration.ofSeconds(10);

    public AlertsConfig {
        channels = List.copyOf(channels);
        Map<Severity, List<String>> copy = new EnumMap<>(Severity.class);
        routing.forEach((severity, ids) -> copy.put(severity, List.copyOf(ids)));
        routing = java.util.Collections.unmodifiableMap(copy);
        Objects.requireNonNull(reminderInterval, "reminderInterval");
        maintenance = List.copyOf(maintenance);
        Objects.requireNonNull(groupWindow, "groupWindow");
        if (groupWindow.isNegative() || groupWindow.compareTo(LONGEST_GROUP_WINDOW) > 0) {
            throw new IllegalArgumentException("groupWindow must be from 0 to " + LONGEST_GROUP_WINDOW + ", was " + groupWindow);
        }
        channelGroupWindows = Map.copyOf(channelGroupWindows);
    }

    public AlertsConfig(List<ChannelConfig> channels, Map<Severity, List<String>> routing, boolean sendOnResolved,
                        Duration reminderInterval, List<MaintenanceWindow> maintenance) {
        this(channels, routing, sendOnResolved, reminderInterval, maintenance, DEFAULT_GROUP_WINDOW, Map.of());
    }

    /** Only the log channel, every severity to it: what runs when nothing is configured. */
    public static AlertsConfig logOnly() {
        Map<Severity, List<String>> routing = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            routing.put(severity, List.of("log"));
        }
        return new AlertsConfig(List.of(new LogChannelConfig("log")), routing, true, DEFAULT_REMINDER, List.of());
    }

    public Optional<ChannelConfig> channel(String id) {
        return channels.stream().filter(channel -> channel.id().equals(id)).findFirst();
    }

    public List<String> channelsFor(Severity severity) {
        return routing.getOrDefault(severity, List.of());
    }

    /** The channel's own {@code groupWindow}, when it sets one. */
    public Optional<Duration> ownGroupWindow(String channelId) {
        return Optional.ofNullable(channelGroupWindows.get(channelId));
    }

    /** How long this channel gathers notifications into one message: its own setting, else the global one. */
    public Duration groupWindowFor(String channelId) {
        return channelGroupWindows.getOrDefault(channelId, groupWindow);
    }
}
