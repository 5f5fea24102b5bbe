package io.sentinel.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Reads {@code alerts:}: channels, routing by severity, resolve and reminder behaviour. */
final class AlertsReader {

    private static final Set<String> CHANNEL_TYPES = new LinkedHashSet<>(List.of(LogChannelConfig.TYPE));

    private AlertsReader() {
    }

    static AlertsConfig read(ConfigSection section) {
        List<ChannelConfig> channels = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (ConfigSection channel : section.sections("channels")) {
            readChannel(channel).ifPresent(config -> {
                if (ids.add(config.id())) {
                    channels.add(config);
                } else {
                    channel.problem("id", "channel id '" + config.id() + "' is used twice", "give each channel its own id");
                }
            });
            channel.finish();
        }
        if (!ids.contains(LogChannelConfig.TYPE)) {
            // the log channel is always there, so routing can name it and fallbacks have somewhere to go
            channels.add(new LogChannelConfig(LogChannelConfig.TYPE));
            ids.add(LogChannelConfig.TYPE);
        }
        Map<Severity, List<String>> routing = section.read("routing", routingSection -> readRouting(routingSection, ids))
                .orElseGet(() -> defaultRouting(ids));
        boolean sendOnResolved = section.bool("sendOnResolved", true);
        Duration reminder = section.durationAtLeast("reminderInterval", AlertsConfig.MINIMUM_REMINDER, AlertsConfig.DEFAULT_REMINDER);
        return new AlertsConfig(channels, routing, sendOnResolved, reminder);
    }

    private static Optional<ChannelConfig> readChannel(ConfigSection channel) {
        Optional<String> id = channel.requiredText("id", "ops-slack");
        Optional<String> type = channel.has("type") ? channel.oneOf("type", CHANNEL_TYPES) : channel.requiredText("type", "log");
        if (id.isEmpty() || type.isEmpty()) {
            return Optional.empty();
        }
        if (!Identifiers.isValid(id.get())) {
            channel.problem("id", "channel id '" + id.get() + "' is not a valid id", "use " + Identifiers.RULE);
            return Optional.empty();
        }
        return Optional.of(new LogChannelConfig(id.get()));
    }

    private static Map<Severity, List<String>> readRouting(ConfigSection section, Set<String> channelIds) {
        Map<Severity, List<String>> routing = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            List<String> targets = new ArrayList<>();
            for (ScalarNode item : section.scalarList(severity.label())) {
                String channelId = section.textOf(item);
                if (channelIds.contains(channelId)) {
                    targets.add(channelId);
                } else {
                    section.problemAt(item, "routing for " + severity.label() + " names channel '" + channelId
                            + "', which is not defined", "defined channels: " + String.join(", ", channelIds));
                }
            }
            routing.put(severity, targets.isEmpty() && !section.has(severity.label()) ? List.of(LogChannelConfig.TYPE) : targets);
        }
        return routing;
    }

    private static Map<Severity, List<String>> defaultRouting(Set<String> channelIds) {
        Map<Severity, List<String>> routing = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            routing.put(severity, List.copyOf(channelIds));
        }
        return routing;
    }
}
