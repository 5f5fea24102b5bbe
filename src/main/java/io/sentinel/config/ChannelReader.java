package io.sentinel.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Reads {@code alerts.channels}: where alerts can go. The log channel is always there. */
final class ChannelReader {

    private static final Set<String> CHANNEL_TYPES = new LinkedHashSet<>(
            List.of(LogChannelConfig.TYPE, SlackChannelConfig.TYPE, EmailChannelConfig.TYPE, RouteChannelConfig.TYPE));
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>]+@[^@\\s<>]+");

    /**
     * The channels read, and the {@code groupWindow} of those that set their own.
     *
     * @param channels     every channel, the log channel included
     * @param groupWindows a channel's own grouping window, by channel id
     */
    record Channels(List<ChannelConfig> channels, Map<String, Duration> groupWindows) {
    }

    private ChannelReader() {
    }

    static Channels read(Optional<ConfigSection> alerts) {
        List<ChannelConfig> channels = new ArrayList<>();
        Map<String, Duration> groupWindows = new LinkedHashMap<>();
        Set<String> ids = new LinkedHashSet<>();
        for (ConfigSection channel : alerts.map(section -> section.sections("channels")).orElse(List.of())) {
            Optional<Duration> groupWindow = groupWindow(channel);
            readChannel(channel).ifPresent(config -> {
                if (ids.add(config.id())) {
                    channels.add(config);
                    groupWindow.ifPresent(window -> groupWindows.put(config.id(), window));
                } else {
                    channel.problem("id", "channel id '" + config.id() + "' is used twice", "give each channel its own id");
                }
            });
            channel.finish();
        }
        if (!ids.contains(LogChannelConfig.TYPE)) {
            // the log channel is always there, so routing can name it and fallbacks have somewhere to go
            channels.add(new LogChannelConfig(LogChannelConfig.TYPE));
        }
        return new Channels(channels, groupWindows);
    }

    /** {@code groupWindow} under {@code alerts:} or one channel: from 0 (no waiting) to 10 s. */
    static Optional<Duration> groupWindow(ConfigSection section) {
        return section.duration("groupWindow", Duration.ZERO, AlertsConfig.LONGEST_GROUP_WINDOW);
    }

    private static Optional<ChannelConfig> readChannel(ConfigSection channel) {
        Optional<String> id = channel.requiredText("id", "ops-slack");
        Optional<String> type = channel.has("type") ? channel.oneOf("type", CHANNEL_TYPES) : channel.requiredText("type", "log");
        if (id.isEmpty() || type.isEmpty()) {
            // the type decides which keys are allowed: with no usable type, do not call the others unknown
            channel.allow("groupWindow", "burst", "webhookUrl", "host", "port", "security", "username", "password", "from", "to",
                    "timeout", "endpoint");
            return Optional.empty();
        }
        if (!Identifiers.isValid(id.get())) {
            channel.problem("id", "channel id " + ProblemText.quote(channel.written("id").orElse(id.get())) + " is not a valid id",
                    "use " + Identifiers.RULE);
            return Optional.empty();
        }
        return switch (type.get()) {
            case SlackChannelConfig.TYPE -> Optional.of(new SlackChannelConfig(id.get(), channel.secret("webhookUrl"),
                    channel.intInRange("burst", 1, SlackChannelConfig.LARGEST_BURST, SlackChannelConfig.DEFAULT_BURST)));
            case EmailChannelConfig.TYPE -> readEmail(id.get(), channel);
            case RouteChannelConfig.TYPE -> readRoute(id.get(), channel);
            default -> Optional.of(new LogChannelConfig(id.get()));
        };
    }

    private static Optional<ChannelConfig> readRoute(String id, ConfigSection channel) {
        Optional<String> endpoint = channel.requiredText("endpoint", "direct:" + id).map(String::strip);
        if (endpoint.isPresent() && !RouteChannelConfig.ENDPOINT.matcher(endpoint.get()).matches()) {
            channel.problem("endpoint", "endpoint " + ProblemText.quote(channel.written("endpoint").orElse(endpoint.get()))
                    + " is not a direct: endpoint", "write " + RouteChannelConfig.ENDPOINT_RULE);
            return Optional.empty();
        }
        return endpoint.map(uri -> new RouteChannelConfig(id, uri));
    }

    private static Optional<ChannelConfig> readEmail(String id, ConfigSection channel) {
        EmailChannelConfig.Security security = channel.choice("security", EmailChannelConfig.Security.class)
                .orElse(EmailChannelConfig.Security.STARTTLS);
        int defaultPort = security == EmailChannelConfig.Security.TLS ? 465 : 587;
        // present but empty (an unset ${SMTP_HOST:}) means "not set up yet": the channel is disabled, not invalid
        Optional<String> host = channel.has("host") ? channel.text("host").map(String::strip) : channel.requiredText("host", "smtp.example.com");
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
                channel.problemAt(item, ProblemText.quote(item.getValue()) + " is not an email address", "write name@example.com");
            }
        }
        if (to.isEmpty() && !channel.has("to")) {
            channel.problem("missing required field 'to' in " + channel.path(), "add to: [oncall@example.com]");
        }
        from.filter(address -> !ADDRESS.matcher(address).matches()).ifPresent(address -> channel.problem("from",
                ProblemText.quote(channel.written("from").orElse(address)) + " is not an email address", "write sentinel@example.com"));
        Duration timeout = channel.duration("timeout", Duration.ofSeconds(1), EmailChannelConfig.LONGEST_TIMEOUT, Duration.ofSeconds(10));
        if (host.isEmpty() || from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new EmailChannelConfig(id, host.get(), port, security, username, password, from.get(), to, timeout));
    }

}
