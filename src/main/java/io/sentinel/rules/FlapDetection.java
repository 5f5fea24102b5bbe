package io.sentinel.rules;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.Durations;
import io.sentinel.config.FlappingSettings;
import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.model.HealthState;
import io.sentinel.probe.ProbeResult;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flap detection in the manner of Nagios and Icinga: a check whose state changes more than
 * {@code flapping.changes} times within {@code flapping.within} is FLAPPING. That is said once, and its changes
 * of state are still recorded but not announced until it settles (at most half as many changes within the
 * span); then one event says so, and, if the check is in trouble at that moment, one more announces that.
 * A RESOLVED for an outage announced before the flapping began still goes out, so nobody is left with an
 * outage that never ends.
 *
 * <p>Each check keeps the times of at most {@code changes + 1} changes. A check that was flapping when Sentinel
 * stopped (or its leader changed) is flapping still: see {@link #restore}.
 */
public final class FlapDetection {

    private static final Logger LOG = LoggerFactory.getLogger(FlapDetection.class);

    private final Map<String, Flaps> checks = new ConcurrentHashMap<>();

    /**
     * The verdict people should hear: as it is, or with its announcements replaced while the check flaps.
     *
     * @param current the check's state after the result
     * @param now     when the verdict was reached
     */
    public Verdict apply(CheckConfig check, ProbeResult result, Verdict verdict, CheckState current, Instant now) {
        Flaps flaps = checks.computeIfAbsent(check.id(), id -> new Flaps());
        synchronized (flaps) {
            return flaps.apply(check, result, verdict, current, now);
        }
    }

    /**
     * Picks up what the previous run, or the previous leader, left: a check whose FLAPPING alert is still open stays
     * flapping, as if its changes had just happened, so it settles only after a calm {@code flapping.within}; the
     * outage announced before the flapping began keeps its place, so its RESOLVED still goes out. Without this a
     * restart in the middle of a storm would announce every change again until the count filled up afresh.
     *
     * @param newestFirst the recent alert events, newest first
     */
    public void restore(List<AlertEvent> newestFirst, Function<String, Optional<CheckConfig>> configured, Instant now) {
        Map<String, AlertEvent> newestByIncident = new LinkedHashMap<>();
        newestFirst.forEach(event -> newestByIncident.putIfAbsent(event.incidentId(), event));
        for (AlertEvent flapping : newestByIncident.values()) {
            if (!flapping.incidentId().startsWith(IncidentIds.FLAPPING_PREFIX) || flapping.status() != AlertStatus.FIRING
                    || flapping.checkId() == null) {
                continue;
            }
            configured.apply(flapping.checkId()).ifPresent(check -> {
                Flaps flaps = new Flaps();
                flaps.incident = flapping.incidentId();
                flaps.flappingSince = flapping.since();
                for (int i = 0; i <= check.flapping().changes(); i++) {
                    flaps.changes.addLast(now);
                }
                flaps.announced = newestByIncident.values().stream()
                        .filter(event -> event.incidentId().startsWith(check.id() + "@")
                                && event.status() == AlertStatus.FIRING)
                        .map(AlertEvent::incidentId).findFirst().orElse(null);
                checks.put(check.id(), flaps);
                LOG.info("{} is still flapping, as when Sentinel last decided it; it settles after {} without"
                        + " changes", check.id(), Durations.format(check.flapping().within()));
            });
        }
    }

    /** Whether the check is flapping now. */
    public boolean isFlapping(String checkId) {
        Flaps flaps = checks.get(checkId);
        return flaps != null && flaps.incident != null;
    }

    private static final class Flaps {

        private final Deque<Instant> changes = new ArrayDeque<>();
        /** The open FLAPPING incident, or null. */
        private String incident;
        private Instant flappingSince;
        /** The outage whose FIRING went out and whose RESOLVED has not yet. */
        private String announced;

        Verdict apply(CheckConfig check, ProbeResult result, Verdict verdict, CheckState current, Instant now) {
            FlappingSettings settings = check.flapping();
            List<AlertEvent> stateEvents = verdict.events();
            if (verdict.changedState() != null && !stateEvents.isEmpty()) {
                changes.addLast(now);
            }
            while (!changes.isEmpty() && !changes.peekFirst().isAfter(now.minus(settings.within()))) {
                changes.removeFirst();
            }
            while (changes.size() > settings.changes() + 1) {
                changes.removeFirst();
            }
            List<AlertEvent> told = new ArrayList<>();
            if (incident == null && changes.size() > settings.changes()) {
                incident = IncidentIds.forFlapping(check.id(), now);
                flappingSince = now;
                LOG.warn("{} is flapping: {} changes of state within {}", check.id(), changes.size(),
                        Durations.format(settings.within()));
                told.addAll(resolvesOfAnnounced(stateEvents));
                told.add(flapping(check, current, AlertStatus.FIRING, changes.size() + " changes of state within "
                        + Durations.format(settings.within()) + ", now " + current.state() + "; further changes are not announced"
                        + " until it settles", now));
            } else if (incident != null && changes.size() <= settings.settledAt()) {
                told.add(flapping(check, current, AlertStatus.RESOLVED, "settled: " + changes.size() + " changes of state within "
                        + Durations.format(settings.within()) + ", now " + current.state(), now));
                LOG.info("{} is no longer flapping; it is {}", check.id(), current.state());
                incident = null;
                boolean stillTold = stateEvents.stream().anyMatch(event -> event.status() == AlertStatus.FIRING);
                told.addAll(stateEvents);
                if (current.state().isProblem() && !current.incidentId().equals(announced) && !stillTold) {
                    told.add(stillInTrouble(check, result, current, now));
                }
            } else if (incident != null) {
                told.addAll(resolvesOfAnnounced(stateEvents));
            } else {
                told.addAll(stateEvents);
            }
            remember(told);
            if (told.equals(stateEvents)) {
                return verdict;
            }
            return verdict.changedState() == null ? Verdict.of(told) : new Verdict(verdict.changedState(), told);
        }

        /** While flapping only the end of an outage announced before it goes out. */
        private List<AlertEvent> resolvesOfAnnounced(List<AlertEvent> events) {
            return events.stream().filter(event -> event.status() == AlertStatus.RESOLVED
                    && event.incidentId().equals(announced)).toList();
        }

        private void remember(List<AlertEvent> told) {
            for (AlertEvent event : told) {
                if (event.incidentId().startsWith(IncidentIds.FLAPPING_PREFIX)) {
                    continue;
                }
                announced = event.status() == AlertStatus.FIRING ? event.incidentId()
                        : event.incidentId().equals(announced) ? null : announced;
            }
        }

        private AlertEvent flapping(CheckConfig check, CheckState current, AlertStatus status, String reason, Instant now) {
            String state = status == AlertStatus.FIRING ? "FLAPPING" : "SETTLED";
            String flapIncident = incident;
            return new AlertEvent(IncidentIds.event(flapIncident, status.name(), state, now), flapIncident, status,
                    check.severity(), check.id(), check.dependency(), current.state(), current.state(), null,
                    (status == AlertStatus.FIRING ? "FLAPPING: " : "no longer flapping, ") + reason, null, flappingSince, now);
        }

        /** The outage the flapping hid, announced once it settles with the check still in trouble. */
        private static AlertEvent stillInTrouble(CheckConfig check, ProbeResult result, CheckState current, Instant now) {
            String incident = current.incidentId();
            return new AlertEvent(IncidentIds.event(incident, AlertStatus.FIRING.name(), current.state().name(), now), incident,
                    AlertStatus.FIRING, check.severity(), check.id(), check.dependency(), current.state(), HealthState.UNKNOWN,
                    result.isFailure() ? result.failureClass() : null, "still " + current.state() + " after flapping: "
                    + result.message(), result.latency(), current.since(), now);
        }
    }
}
