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

    private static final Set<String> CHANNEL_TYPES = new LinkedHashSet<>(
            List.of(LogChannelConfig.TYPE, SlackChannelConfig.TYPE, EmailChannelConfig.TYPE));
    private static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile("[^@\\s<>]+@[^@\\s<>]+");

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
                .orElseGet(() -> defaultRouting(channels));
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
        return switch (type.get()) {
            case SlackChannelConfig.TYPE -> Optional.of(new SlackChannelConfig(id.get(), channel.secret("webhookUrl")));
            case EmailChannelConfig.TYPE -> readEmail(id.get(), channel);
            default -> Optional.of(new LogChannelConfig(id.get()));
        };
    }

    private static Optional<ChannelConfig> readEmail(String id, ConfigSection channel) {
        EmailChannelConfig.Security security = channel.choice("security", EmailChannelConfig.Security.class)
                .orElse(EmailChannelConfig.Security.STARTTLS);
        int defaultPort = security == EmailChannelConfig.Security.TLS ? 465 : 587;
        Optional<String> host = channel.requiredText("host", "smtp.example.com");
        int port = channel.intInRange("port", 1, 65_535, defaultPort);
        String username = channel.text("username", "");
        var password = channel.secret("password");
        Optional<String> from = channel.requiredText("from", "sentinel@example.com");
        List<String> to = new ArrayList<>();
        for (ScalarNode item : channel.scalarList("to")) {
            String address = channel.textOf(item).strip();
            if (ADDRESS.matcher(address).matches()) {
                to.add(address);
            } else {
                channel.problemAt(item, "'" + address + "' is not an email address", "write name@example.com");
            }
        }
        if (to.isEmpty() && !channel.has("to")) {
            channel.problem("missing required field 'to' in " + channel.path(), "add to: [oncall@example.com]");
        }
        from.filter(address -> !ADDRESS.matcher(address).matches()).ifPresent(address ->
                channel.problem("from", "'" + address + "' is not an email address", "write sentinel@example.com"));
        java.time.Duration timeout = channel.durationAtLeast("timeout", java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(10));
        if (host.isEmpty() || from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new EmailChannelConfig(id, host.get(), port, security, username, password, from.get(), to, timeout));
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
