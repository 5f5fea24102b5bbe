package io.sentinel.report.diagnostics;

import io.sentinel.model.FailureClass;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Failed probes with the same failure class and message pattern ({@link io.sentinel.report.MessagePatterns}).
 *
 * @param failureClass the class
 * @param pattern      the message with numbers, ids and times taken out
 * @param failures     how many failed probes
 * @param checks       how many checks had them
 * @param someChecks   the first few of those checks, by name
 * @param firstSeen    the earliest of them
 * @param lastSeen     the latest of them
 */
public record FailureGroup(FailureClass failureClass, String pattern, long failures, int checks, List<String> someChecks,
                           Instant firstSeen, Instant lastSeen) {

    public FailureGroup {
        Objects.requireNonNull(failureClass, "failureClass");
        Objects.requireNonNull(pattern, "pattern");
        someChecks = List.copyOf(someChecks);
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }
}
