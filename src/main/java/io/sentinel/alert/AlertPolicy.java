package io.sentinel.alert;

import io.sentinel.model.AlertEvent;
import io.sentinel.config.AlertOverrides;
import io.sentinel.config.AlertsConfig;
import io.sentinel.config.ChannelConfig;
import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckIndex;
import io.sentinel.config.LogChannelConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who hears about an alert and how: the channels (a check's own, else its dependency's, else its severity's),
 * whether recoveries are sent, how often a firing alert is repeated, and the runbook link.
 */
public final class AlertPolicy {

    private final AlertsConfig alerts;
    private final CheckIndex checks;

    public AlertPolicy(AlertsConfig alerts, CheckIndex checks) {
        this.alerts = alerts;
        this.checks = checks;
    }

    /** The channels for this event that are set up; the log channel is always one of them. */
    public List<String> channelsFor(AlertEvent event) {
        List<String> channels = new ArrayList<>(setting(event, AlertOverrides::channels)
                .orElseGet(() -> alerts.channelsFor(event.severity())));
        channels.removeIf(channel -> !isEnabled(channel));
        if (!channels.contains(LogChannelConfig.TYPE)) {
            channels.add(LogChannelConfig.TYPE);
        }
        return channels;
    }

    public boolean sendsResolved(AlertEvent event) {
        return setting(event, AlertOverrides::sendOnResolved).orElse(alerts.sendOnResolved());
    }

    public Duration reminderInterval(AlertEvent event) {
        return setting(event, AlertOverrides::reminderInterval).orElse(alerts.reminderInterval());
    }

    public Optional<String> runbook(AlertEvent event) {
        return check(event).flatMap(CheckConfig::runbook);
    }

    /** Every channel except {@code failed}: where a refused message goes instead. */
    public List<String> fallbacksFor(String failed) {
        List<String> others = new ArrayList<>();
        alerts.channels().stream().filter(ChannelConfig::isEnabled).map(ChannelConfig::id)
                .filter(id -> !id.equals(failed)).forEach(others::add);
        if (!others.contains(LogChannelConfig.TYPE) && !failed.equals(LogChannelConfig.TYPE)) {
            others.add(LogChannelConfig.TYPE);
        }
        return others;
    }

    /** The channel's kind as people call it: {@code Slack}, {@code Email}, {@code Log}. */
    public String channelLabel(String channelId) {
        String type = alerts.channel(channelId).map(channel -> channel.type()).orElse("channel");
        return type.isEmpty() ? type : Character.toUpperCase(type.charAt(0)) + type.substring(1);
    }

    private boolean isEnabled(String channelId) {
        return alerts.channel(channelId).map(ChannelConfig::isEnabled).orElse(false);
    }

    private <T> Optional<T> setting(AlertEvent event, Function<AlertOverrides, Optional<T>> field) {
        Optional<T> own = check(event).flatMap(check -> field.apply(check.alerts()));
        if (own.isPresent()) {
            return own;
        }
        return checks.dependency(event.dependency()).flatMap(dependency -> field.apply(dependency.alerts()));
    }

    private Optional<CheckConfig> check(AlertEvent event) {
        return event.checkId() == null ? Optional.empty() : checks.check(event.checkId());
    }
}
