package io.sentinel.reload;

import io.sentinel.config.Severity;
import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.model.HealthState;
import io.sentinel.rules.AlertSource;
import io.sentinel.rules.IncidentIds;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What became of the configuration changes made while running: the version in force and the last one
 * refused, for {@code /api/status}; and, since a refused change means the operator's edit is not running, a
 * medium "configuration change refused" alert, resolved by the next change that applies.
 */
public final class ConfigurationChanges implements AlertSource {

    /** Alerts about the configuration are about Sentinel itself, not a configured dependency. */
    public static final String SUBJECT = "sentinel-configuration";
    private static final String DEPENDENCY = "sentinel";
    private static final int PROBLEMS_SHOWN = 20;

    /** A change that was refused: its version, when, and what was wrong (file and line, no values). */
    public record Refusal(String version, Instant at, List<String> problems) {

        public Refusal {
            problems = List.copyOf(problems);
        }
    }

    private final Clock clock;
    private final List<AlertEvent> pending = new ArrayList<>();
    private String versionInForce;
    private Instant inForceSince;
    private Refusal lastRefused;
    private String openIncident;
    private Instant refusedSince;

    public ConfigurationChanges(String versionInForce, Clock clock) {
        this.clock = clock;
        this.versionInForce = versionInForce;
        this.inForceSince = clock.instant();
    }

    public synchronized void applied(String version) {
        versionInForce = version;
        inForceSince = clock.instant();
        if (openIncident != null) {
            raise(AlertStatus.RESOLVED, HealthState.UP, HealthState.DEGRADED,
                    "configuration " + version + " applied; the refused change is no longer pending");
            openIncident = null;
        }
    }

    public synchronized void refused(String version, List<String> problems) {
        Instant now = clock.instant();
        lastRefused = new Refusal(version, now, problems.stream().limit(PROBLEMS_SHOWN).toList());
        boolean first = openIncident == null;
        if (first) {
            refusedSince = now;
            openIncident = IncidentIds.forCheck(SUBJECT, now);
        }
        raise(AlertStatus.FIRING, HealthState.DEGRADED, first ? HealthState.UP : HealthState.DEGRADED,
                "configuration change " + version + " refused with " + problems.size() + " problem(s); still running "
                        + versionInForce + ". First: " + problems.stream().findFirst().orElse("(none)"));
    }

    private void raise(AlertStatus status, HealthState state, HealthState previous, String reason) {
        Instant now = clock.instant();
        pending.add(new AlertEvent(IncidentIds.event(openIncident, status.name(), state.name(), now), openIncident,
                status, Severity.MEDIUM, SUBJECT, DEPENDENCY, state, previous, null, reason, null, refusedSince, now));
    }

    @Override
    public synchronized List<AlertEvent> drain() {
        List<AlertEvent> drained = List.copyOf(pending);
        pending.clear();
        return drained;
    }

    public synchronized String versionInForce() {
        return versionInForce;
    }

    /** For {@code /api/status}: {@code {inForce: {version, since}, lastRefused: {version, at, problems}}}. */
    public synchronized Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("inForce", Map.of("version", versionInForce, "since", inForceSince.toString()));
        Optional.ofNullable(lastRefused).ifPresent(refusal -> status.put("lastRefused", Map.of("version",
                refusal.version(), "at", refusal.at().toString(), "problems", refusal.problems())));
        return status;
    }
}
