package io.sentinel.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Reads the rest of {@code alerts:}: routing by severity, resolves, reminders and maintenance windows. */
final class AlertsReader {

    private AlertsReader() {
    }

    static AlertsConfig read(Optional<ConfigSection> alerts, ChannelReader.Channels read, Set<String> checkIds,
                             Set<String> dependencyIds) {
        List<ChannelConfig> channels = read.channels();
        Set<String> ids = new java.util.LinkedHashSet<>(channels.stream().map(ChannelConfig::id).toList());
        if (alerts.isEmpty()) {
            return new AlertsConfig(channels, defaultRouting(channels), true, AlertsConfig.DEFAULT_REMINDER, List.of(),
                    AlertsConfig.DEFAULT_GROUP_WINDOW, read.groupWindows());
        }
        ConfigSection section = alerts.get();
        section.allow("channels");
        Map<Severity, List<String>> routing = section.read("routing", routingSection -> readRouting(routingSection, ids))
                .orElseGet(() -> defaultRouting(channels));
        boolean sendOnResolved = section.bool("sendOnResolved", true);
        Duration reminder = section.duration("reminderInterval", AlertsConfig.MINIMUM_REMINDER, AlertsConfig.MAXIMUM_REMINDER,
                AlertsConfig.DEFAULT_REMINDER);
        Duration groupWindow = ChannelReader.groupWindow(section).orElse(AlertsConfig.DEFAULT_GROUP_WINDOW);
        List<MaintenanceWindow> maintenance = new ArrayList<>();
        for (ConfigSection window : section.sections("maintenance")) {
            MaintenanceReader.read(window, checkIds, dependencyIds).ifPresent(maintenance::add);
            window.finish();
        }
        section.finish();
        return new AlertsConfig(channels, routing, sendOnResolved, reminder, maintenance, groupWindow,
                read.groupWindows());
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
                    section.problemAt(item, "routing for " + severity.label() + " names channel " + ProblemText.quote(item.getValue())
                            + ", which is not defined", "defined channels: " + Suggestions.listed(channelIds));
                }
            }
            routing.put(severity, targets.isEmpty() && !section.has(severity.label()) ? List.of(LogChannelConfig.TYPE) : targets);
        }
        return routing;
    }

    /**
     * Without {@code routing:}: critical goes to every channel; high and medium go to the Slack channels (to
     * every channel when there is no Slack). The log channel always gets everything.
     */
    private static Map<Severity, List<String>> defaultRouting(List<ChannelConfig> channels) {
        List<String> all = channels.stream().map(ChannelConfig::id).toList();
        List<String> chat = channels.stream()
                .filter(channel -> channel.type().equals(SlackChannelConfig.TYPE) || channel.type().equals(LogChannelConfig.TYPE))
                .map(ChannelConfig::id).toList();
        boolean hasSlack = channels.stream().anyMatch(channel -> channel.type().equals(SlackChannelConfig.TYPE));
        Map<Severity, List<String>> routing = new EnumMap<>(Severity.class);
        routing.put(Severity.CRITICAL, all);
        routing.put(Severity.HIGH, hasSlack ? chat : all);
        routing.put(Severity.MEDIUM, hasSlack ? chat : all);
        return routing;
    }
}
