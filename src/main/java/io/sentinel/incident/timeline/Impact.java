package io.sentinel.incident.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an incident cost, from the recorded probes only.
 *
 * @param affectedChecks     every check with an alert listed in the incident, its own and its dependents'
 * @param dependentChecks    the checks of dependent dependencies among them (held while this one was DOWN)
 * @param firstFailedProbe   when the first failed probe of the outage started, if it is still recorded
 * @param duration           from the first failed probe (or the opening) to the recovery, or until now while open
 * @param failedProbes       failed probes of the affected checks over that time
 * @param failedPaidCallsUsd what the failed probes of paid APIs cost (their {@code cost.usd} readings), in US dollars
 */
public record Impact(List<String> affectedChecks, List<String> dependentChecks, Instant firstFailedProbe,
                     Duration duration, int failedProbes, double failedPaidCallsUsd) {

    public Impact {
        affectedChecks = List.copyOf(affectedChecks);
        dependentChecks = List.copyOf(dependentChecks);
        Objects.requireNonNull(duration, "duration");
    }

    /** {@code 4 dependent checks affected}, or empty when there were none. */
    public String dependentsSummary() {
        int count = dependentChecks.size();
        return count == 0 ? "" : count + " dependent check" + (count == 1 ? "" : "s") + " affected";
    }
}
