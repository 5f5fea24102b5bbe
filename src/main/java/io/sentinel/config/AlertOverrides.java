package io.sentinel.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Alert settings a check or a dependency sets for itself, over the severity routing. A check's own
 * settings win over its dependency's, which win over {@code alerts:}.
 *
 * @param channels         the channels to use instead of the severity's, when present
 * @param sendOnResolved   whether recoveries are announced, when set
 * @param reminderInterval how often a still-firing alert repeats, when set
 */
public record AlertOverrides(Optional<List<String>> channels, Optional<Boolean> sendOnResolved,
                             Optional<Duration> reminderInterval) {

    public static final AlertOverrides NONE = new AlertOverrides(Optional.empty(), Optional.empty(), Optional.empty());

    public AlertOverrides {
        channels = Objects.requireNonNull(channels, "channels").map(List::copyOf);
        Objects.requireNonNull(sendOnResolved, "sendOnResolved");
        Objects.requireNonNull(reminderInterval, "reminderInterval");
    }
}
