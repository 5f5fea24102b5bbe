package io.sentinel.report.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything Sentinel recorded about one incident, ready to be written up.
 *
 * @param scope        what the incident covers
 * @param timeline     its facts, oldest first
 * @param failedProbes the failed probes of its checks while it lasted
 * @param generatedAt  when these facts were read
 */
public record IncidentFacts(IncidentScope scope, List<TimelineEntry> timeline, FailedProbes failedProbes,
                            Instant generatedAt) {

    public IncidentFacts {
        Objects.requireNonNull(scope, "scope");
        timeline = List.copyOf(timeline);
        Objects.requireNonNull(failedProbes, "failedProbes");
        Objects.requireNonNull(generatedAt, "generatedAt");
    }

    /** From the first sign of the problem to its resolution, or to now while it is open. */
    public Duration duration() {
        Duration lasted = Duration.between(scope.from(), scope.until());
        return lasted.isNegative() ? Duration.ZERO : lasted;
    }
}
