package io.sentinel.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Reads the {@code alerts:} of a check or a dependency: its own channels, resolves and reminders. */
final class OverridesReader {

    private OverridesReader() {
    }

    static AlertOverrides read(ConfigSection owner, Set<String> channelIds) {
        return owner.read("alerts", section -> {
            Optional<List<String>> channels = Optional.empty();
            if (section.has("channels")) {
                List<String> named = new ArrayList<>();
                for (ScalarNode item : section.scalarList("channels")) {
                    String channel = section.textOf(item);
                    if (channelIds.contains(channel)) {
                        named.add(channel);
                    } else {
                        section.problemAt(item, "channel " + ProblemText.quote(item.getValue()) + " is not defined under alerts.channels",
                                Suggestions.nearest(channel, channelIds).map(s -> "did you mean '" + s + "'? ").orElse("")
                                        + "defined: " + Suggestions.listed(channelIds));
                    }
                }
                channels = Optional.of(named);
            }
            Optional<Boolean> sendOnResolved = section.has("sendOnResolved")
                    ? Optional.of(section.bool("sendOnResolved", true)) : Optional.empty();
            Optional<java.time.Duration> reminder = section.has("reminderInterval")
                    ? Optional.of(section.duration("reminderInterval", AlertsConfig.MINIMUM_REMINDER,
                            AlertsConfig.MAXIMUM_REMINDER, AlertsConfig.DEFAULT_REMINDER))
                    : Optional.empty();
            return new AlertOverrides(channels, sendOnResolved, reminder);
        }).orElse(AlertOverrides.NONE);
    }
}
