package io.sentinel.incident;

import io.sentinel.config.Durations;
import io.sentinel.config.Severity;
import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.model.HealthState;
import io.sentinel.rules.IncidentIds;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Puts every alert event into the incident of its dependency's outage, and decides who hears about it: one
 * root cause, one message.
 *
 * <ul>
 *   <li>A dependency's own alert opens its incident (or joins the open one, or reopens one that recovered less
 *       than the quiet period ago) and is told.</li>
 *   <li>The dependency's breaker opening while one of its checks is DOWN joins that check's incident and is not
 *       told: the check's alert already said it. A breaker opening with no check of its dependency DOWN is told
 *       on its own.</li>
 *   <li>An alert of a dependency whose parent ({@code dependsOn}) is DOWN is held and listed in the parent's
 *       incident. When the parent has recovered and the alert is still firing after the time its check needs to
 *       recover, it is released: told, in its own dependency's incident. A held alert that resolves in time is
 *       never told at all.</li>
 *   <li>The connectivity checks' own alerts are not told; when every one of them is DOWN, one "Sentinel lost
 *       connectivity" alert is, and resolved when one of them is back.</li>
 *   <li>An incident whose alerts all resolved is RECOVERED; after the quiet period without a recurrence it is
 *       CLOSED ("confirmed stable").</li>
 * </ul>
 *
 * Ids are made from what happened ({@link IncidentIds}), so a decision made again after a crash names the same
 * incident. Every change comes back as part of a {@link Correlation}, which the alert path commits with the
 * decision; nothing here is stored on its own.
 */
public final class IncidentTracker {

    /** Alertmanager's default resolve timeout is 5 minutes; an outage that flaps back within half an hour is the same one. */
    public static final Duration QUIET_PERIOD = Duration.ofMinutes(30);
    /**
     * How long a breaker's alert waits for a check of its dependency to go DOWN. A breaker opens inside the probe
     * whose result then makes its check DOWN: that decision follows within milliseconds, or within the second
     * the housekeeping route takes to collect a breaker event no result carried.
     */
    public static final Duration BREAKER_JOIN_WAIT = Duration.ofSeconds(2);

    private final Topology topology;
    private final Duration quietPeriod;
    /** Incidents not closed, by id. */
    private final Map<String, Incident> incidents = new LinkedHashMap<>();
    /** Per dependency, its own incident while it is not closed. */
    private final Map<String, String> ownIncidents = new HashMap<>();
    /** Per incident, the subjects of the dependent alerts listed in it. */
    private final Map<String, Set<String>> dependents = new HashMap<>();
    /** The alerts firing now, by alert id. */
    private final Map<String, Firing> firing = new LinkedHashMap<>();
    /** Breaker alerts waiting to see whether a check of their dependency goes DOWN with them, by alert id. */
    private final Map<String, AlertEvent> breakersWaiting = new LinkedHashMap<>();

    /** An alert that is firing, where it is listed and in what role. */
    private static final class Firing {
        private AlertEvent event;
        private String incidentId;
        private AlertRole role;
        private String heldBy;
        /**
         * For a held alert: when its parents were last seen all recovered. It is released if it still fires its
         * check's recovery time later, as configured when that time comes (an interval may change meanwhile).
         */
        private Instant parentsRecoveredAt;

        Firing(AlertEvent event, String incidentId, AlertRole role, String heldBy) {
            this.event = event;
            this.incidentId = incidentId;
            this.role = role;
            this.heldBy = heldBy;
        }

        boolean isTold() {
            return role == AlertRole.OWN;
        }

        boolean isHeld() {
            return role == AlertRole.DEPENDENT;
        }
    }

    public IncidentTracker(Topology topology) {
        this(topology, QUIET_PERIOD);
    }

    public IncidentTracker(Topology topology, Duration quietPeriod) {
        this.topology = topology;
        this.quietPeriod = quietPeriod;
    }

    /**
     * Picks up the incidents the previous run left open or recovered.
     *
     * @param unclosed  incidents not closed
     * @param listed    the alerts listed in them
     * @param eventsOf  the events of one alert, in any order
     * @param now       the moment of the restart: held alerts whose parent is no longer DOWN are released from then
     */
    public synchronized void restore(Collection<Incident> unclosed, Collection<IncidentAlert> listed,
                                     Function<String, List<AlertEvent>> eventsOf, Instant now) {
        unclosed.stream().sorted(Comparator.comparing(Incident::openedAt)).forEach(incident -> {
            incidents.put(incident.id(), incident);
            ownIncidents.put(incident.dependency(), incident.id());
        });
        Map<String, IncidentAlert> current = new LinkedHashMap<>();
        for (IncidentAlert alert : listed) {
            if (alert.role() == AlertRole.DEPENDENT) {
                dependents.computeIfAbsent(alert.incidentId(), id -> new LinkedHashSet<>()).add(alert.subject());
            }
            // a released alert is listed twice: held in its parent's incident, then in its own
            current.merge(alert.alertId(), alert, (known, other) -> other.role() == AlertRole.OWN ? other : known);
        }
        for (IncidentAlert alert : current.values()) {
            eventsOf.apply(alert.alertId()).stream().max(Comparator.comparing(AlertEvent::at))
                    .filter(last -> last.status() == AlertStatus.FIRING)
                    .ifPresent(last -> firing.put(alert.alertId(),
                            new Firing(last, alert.incidentId(), alert.role(), alert.heldBy())));
        }
        scheduleReleases(now);
    }

    /**
     * Picks up the breaker alerts that were waiting for their checks when the previous run stopped: a breaker
     * whose latest event is FIRING and that no incident lists yet. {@link #due} tells them, or joins them to a
     * check that is DOWN.
     */
    public synchronized void restoreWaiting(Collection<AlertEvent> recentEvents) {
        Map<String, AlertEvent> latest = new LinkedHashMap<>();
        recentEvents.stream().sorted(Comparator.comparing(AlertEvent::at)).forEach(event -> latest.put(event.incidentId(), event));
        latest.values().stream()
                .filter(event -> event.status() == AlertStatus.FIRING && isBreaker(event) && !firing.containsKey(event.incidentId()))
                .forEach(event -> breakersWaiting.put(event.incidentId(), event));
    }

    /** Puts the events of one verdict into their incidents. */
    public synchronized Correlation correlate(List<AlertEvent> events) {
        Changes changes = new Changes();
        for (AlertEvent event : events) {
            if (event.status() == AlertStatus.FIRING) {
                fire(event, changes);
            } else {
                resolve(event, changes);
            }
        }
        return changes.build();
    }

    /** What time alone decides: held alerts released, recovered incidents confirmed stable. */
    public synchronized Correlation due(Instant now) {
        Changes changes = new Changes();
        breakersAlone(now, changes);
        release(now, changes);
        confirm(now, changes);
        return changes.build();
    }

    /**
     * False for an alert that is firing without having been told (held, joined to its checks' outage, a
     * connectivity check's own): reminders must not repeat what was never said.
     */
    public synchronized boolean isTold(String alertId) {
        Firing known = firing.get(alertId);
        return !breakersWaiting.containsKey(alertId) && (known == null || known.isTold());
    }

    private void fire(AlertEvent event, Changes changes) {
        changes.record(event);
        Firing known = firing.get(event.incidentId());
        if (known != null) {
            // the same problem in another state (DOWN, then DEGRADED): where it is listed, told as before
            known.event = event;
            raiseSeverity(known.incidentId, event.severity(), changes);
            if (known.isTold()) {
                changes.tell(event, "");
            }
            return;
        }
        if (topology.isConnectivityCheck(event.checkId())) {
            Incident incident = ownIncident(event, event.at(), changes);
            list(new Firing(event, incident.id(), AlertRole.CONNECTIVITY, null), event.at(), changes);
            connectivityLost(event, incident, changes);
            return;
        }
        if (isBreaker(event)) {
            Optional<Firing> checkDown = firingDown(event.dependency(), true);
            if (checkDown.isPresent()) {
                joinCheck(event, checkDown.get(), changes);
            } else {
                breakersWaiting.put(event.incidentId(), event);
            }
            return;
        }
        classify(event, event.at(), changes);
        if (event.checkId() != null && event.state() == HealthState.DOWN) {
            Firing check = firing.get(event.incidentId());
            for (AlertEvent breaker : new ArrayList<>(breakersWaiting.values())) {
                if (breaker.dependency().equals(event.dependency())) {
                    breakersWaiting.remove(breaker.incidentId());
                    joinCheck(breaker, check, changes);
                }
            }
        }
    }

    /** The breaker opened because its checks failed: listed with the check that is DOWN, not told. */
    private void joinCheck(AlertEvent breaker, Firing check, Changes changes) {
        list(new Firing(breaker, check.incidentId, AlertRole.BREAKER, null), breaker.at(), changes);
        changes.fact(check.incidentId, breaker.at(), FactKind.BREAKER_JOINED, breaker.subject(),
                breaker.subject() + " opened while " + check.event.checkId() + " is DOWN: part of this outage,"
                        + " not told separately");
    }

    /** A breaker whose checks did not go DOWN with it: its alert stands alone, as any other alert would. */
    private void breakersAlone(Instant now, Changes changes) {
        for (AlertEvent breaker : new ArrayList<>(breakersWaiting.values())) {
            if (breaker.at().plus(BREAKER_JOIN_WAIT).isAfter(now)) {
                continue;
            }
            breakersWaiting.remove(breaker.incidentId());
            Optional<Firing> checkDown = firingDown(breaker.dependency(), true);
            if (checkDown.isPresent()) {
                joinCheck(breaker, checkDown.get(), changes);
            } else {
                classify(breaker, breaker.at().plus(BREAKER_JOIN_WAIT), changes);
            }
        }
    }

    /** Held for a parent that is DOWN, or the dependency's own alert, told. */
    private void classify(AlertEvent event, Instant at, Changes changes) {
        Optional<Firing> parentDown = parentDown(event.dependency());
        if (parentDown.isPresent()) {
            Firing parent = parentDown.get();
            String parentName = parent.event.dependency();
            list(new Firing(event, parent.incidentId, AlertRole.DEPENDENT, parentName), at, changes);
            changes.fact(parent.incidentId, at, FactKind.DEPENDENT_HELD, event.subject(),
                    event.subject() + " " + event.state() + " while " + parentName + " (which " + event.dependency()
                            + " depends on) is DOWN: held, told only if still " + event.state() + " after "
                            + parentName + " recovers");
            return;
        }
        Incident incident = ownIncident(event, at, changes);
        list(new Firing(event, incident.id(), AlertRole.OWN, null), at, changes);
        changes.tell(event, "");
    }

    private void resolve(AlertEvent event, Changes changes) {
        changes.record(event);
        if (breakersWaiting.remove(event.incidentId()) != null) {
            // closed again before anyone needed telling: recorded, not told
            return;
        }
        Firing resolved = firing.remove(event.incidentId());
        if (resolved == null) {
            // its FIRING was never put into an incident (raised before incidents were kept): told as it always was
            changes.tell(event, "");
            return;
        }
        if (resolved.isTold()) {
            changes.tell(event, dependentsNote(resolved.incidentId));
        }
        if (resolved.role == AlertRole.CONNECTIVITY) {
            connectivityBack(event, changes);
        }
        settle(resolved.incidentId, event.at(), changes);
        scheduleReleases(event.at());
    }

    /** The incident recovers once nothing listed in it fires but the alerts it holds for dependents. */
    private void settle(String incidentId, Instant at, Changes changes) {
        Incident incident = incidents.get(incidentId);
        if (incident == null || !incident.isOpen()) {
            return;
        }
        boolean stillFiring = firing.values().stream()
                .anyMatch(alert -> alert.incidentId.equals(incidentId) && !alert.isHeld());
        if (!stillFiring) {
            put(incident.recovered(at), changes);
            changes.fact(incidentId, at, FactKind.RECOVERED, "", "every alert of " + incident.dependency()
                    + " resolved, " + elapsed(incident.openedAt(), at) + " after it began; confirmed stable after "
                    + Durations.format(quietPeriod) + " without a recurrence");
        }
    }

    private void scheduleReleases(Instant at) {
        for (Firing held : firing.values()) {
            if (!held.isHeld()) {
                continue;
            }
            if (parentDown(held.event.dependency()).isPresent()) {
                held.parentsRecoveredAt = null;
            } else if (held.parentsRecoveredAt == null) {
                held.parentsRecoveredAt = at;
            }
        }
    }

    private void release(Instant now, Changes changes) {
        for (Map.Entry<String, Firing> entry : new ArrayList<>(firing.entrySet())) {
            Firing held = entry.getValue();
            if (!held.isHeld() || held.parentsRecoveredAt == null) {
                continue;
            }
            Duration recovery = topology.releaseGrace(held.event);
            Instant at = held.parentsRecoveredAt.plus(recovery);
            if (at.isAfter(now)) {
                continue;
            }
            if (parentDown(held.event.dependency()).isPresent()) {
                held.parentsRecoveredAt = null;
                continue;
            }
            AlertEvent event = held.event;
            String grace = Durations.format(recovery.truncatedTo(ChronoUnit.SECONDS));
            changes.fact(held.incidentId, at, FactKind.DEPENDENT_RELEASED, event.subject(), event.subject() + " still "
                    + event.state() + " " + grace + " after " + held.heldBy + " recovered: told now, in its own incident");
            Incident own = ownIncident(event, at, changes);
            String parent = held.heldBy;
            held.role = AlertRole.OWN;
            held.incidentId = own.id();
            held.heldBy = null;
            held.parentsRecoveredAt = null;
            changes.alert(held, entry.getKey(), at);
            changes.tell(event, "held while " + parent + " was DOWN; still " + event.state() + " " + grace
                    + " after it recovered");
        }
    }

    private void confirm(Instant now, Changes changes) {
        for (Incident incident : new ArrayList<>(incidents.values())) {
            if (incident.state() != IncidentState.RECOVERED) {
                continue;
            }
            Instant stable = incident.recoveredAt().plus(quietPeriod);
            boolean holdsAlerts = firing.values().stream().anyMatch(alert -> alert.incidentId.equals(incident.id()));
            if (stable.isAfter(now) || holdsAlerts) {
                continue;
            }
            changes.incident(incident.closed(stable));
            changes.fact(incident.id(), stable, FactKind.CONFIRMED_STABLE, "", "no alert of " + incident.dependency()
                    + " for " + Durations.format(quietPeriod) + " after it recovered: confirmed stable");
            incidents.remove(incident.id());
            ownIncidents.remove(incident.dependency(), incident.id());
            dependents.remove(incident.id());
        }
    }

    /** The dependency's own incident: the open one, the recovered one reopened, or a new one. */
    private Incident ownIncident(AlertEvent event, Instant at, Changes changes) {
        String dependency = event.dependency();
        Incident incident = Optional.ofNullable(ownIncidents.get(dependency)).map(incidents::get).orElse(null);
        if (incident == null) {
            incident = Incident.opened(IncidentIds.forDependency(dependency, event.since()), dependency,
                    event.severity(), event.subject() + " " + event.state(), event.since());
            changes.fact(incident.id(), at, FactKind.OPENED, event.subject(), "opened by " + describe(event));
        } else if (incident.state() == IncidentState.RECOVERED) {
            changes.fact(incident.id(), at, FactKind.REOPENED, event.subject(), describe(event) + ", "
                    + elapsed(incident.recoveredAt(), at) + " after the recovery: the incident goes on");
            incident = incident.reopened();
        }
        incident = incident.atLeast(event.severity());
        put(incident, changes);
        return incident;
    }

    private void put(Incident incident, Changes changes) {
        incidents.put(incident.id(), incident);
        ownIncidents.put(incident.dependency(), incident.id());
        changes.incident(incident);
    }

    private void raiseSeverity(String incidentId, Severity severity, Changes changes) {
        Incident incident = incidents.get(incidentId);
        if (incident != null && incident.atLeast(severity) != incident) {
            Incident raised = incident.atLeast(severity);
            incidents.put(incidentId, raised);
            changes.incident(raised);
        }
    }

    private void list(Firing alert, Instant at, Changes changes) {
        firing.put(alert.event.incidentId(), alert);
        if (alert.isHeld()) {
            dependents.computeIfAbsent(alert.incidentId, id -> new LinkedHashSet<>()).add(alert.event.subject());
        }
        raiseSeverity(alert.incidentId, alert.event.severity(), changes);
        changes.alert(alert, alert.event.incidentId(), at);
    }

    private void connectivityLost(AlertEvent event, Incident incident, Changes changes) {
        List<Firing> down = firing.values().stream()
                .filter(alert -> alert.role == AlertRole.CONNECTIVITY && alert.event.state() == HealthState.DOWN).toList();
        Set<String> downChecks = new LinkedHashSet<>();
        down.forEach(alert -> downChecks.add(alert.event.checkId()));
        if (!downChecks.containsAll(topology.connectivityChecks()) || connectivityAlert().isPresent()) {
            return;
        }
        String alertId = IncidentIds.forConnectivity(event.at());
        Severity severity = down.stream().map(alert -> alert.event.severity()).min(Comparator.naturalOrder())
                .orElse(event.severity());
        List<String> failures = down.stream().map(alert -> alert.event.checkId()
                + (alert.event.failureClass() == null ? "" : " " + alert.event.failureClass())).toList();
        AlertEvent lost = new AlertEvent(IncidentIds.event(alertId, AlertStatus.FIRING.name(), HealthState.DOWN.name(),
                event.at()), alertId, AlertStatus.FIRING, severity, null, event.dependency(), HealthState.DOWN,
                HealthState.UP, event.failureClass(), "Sentinel lost connectivity: all " + down.size()
                        + " connectivity check(s) fail (" + String.join(", ", failures)
                        + "); the other checks are UNKNOWN, not DOWN, until it returns", null, event.at(), event.at());
        changes.record(lost);
        list(new Firing(lost, incident.id(), AlertRole.OWN, null), event.at(), changes);
        changes.tell(lost, "");
    }

    private void connectivityBack(AlertEvent event, Changes changes) {
        Optional<Firing> lost = connectivityAlert();
        if (lost.isEmpty()) {
            return;
        }
        AlertEvent firingEvent = lost.get().event;
        firing.remove(firingEvent.incidentId());
        AlertEvent back = new AlertEvent(IncidentIds.event(firingEvent.incidentId(), AlertStatus.RESOLVED.name(),
                HealthState.UP.name(), event.at()), firingEvent.incidentId(), AlertStatus.RESOLVED,
                firingEvent.severity(), null, firingEvent.dependency(), HealthState.UP, HealthState.DOWN, null,
                "Sentinel has connectivity again (" + event.subject() + " answers) after "
                        + elapsed(firingEvent.since(), event.at()) + "; the other checks are judged again from their"
                        + " next probe", null, firingEvent.since(), event.at());
        changes.record(back);
        changes.tell(back, "");
    }

    private Optional<Firing> connectivityAlert() {
        return firing.values().stream().filter(alert -> alert.event.isAboutConnectivity()).findFirst();
    }

    /** A firing DOWN alert of the dependency (of one of its checks only, when {@code checksOnly}). */
    private Optional<Firing> firingDown(String dependency, boolean checksOnly) {
        return firing.values().stream()
                .filter(alert -> alert.event.dependency().equals(dependency) && alert.event.state() == HealthState.DOWN)
                .filter(alert -> !checksOnly || alert.event.checkId() != null)
                .findFirst();
    }

    /** A firing DOWN alert of the first parent of this dependency that is DOWN. */
    private Optional<Firing> parentDown(String dependency) {
        for (String parent : topology.parents(dependency)) {
            Optional<Firing> down = firingDown(parent, false);
            if (down.isPresent()) {
                return down;
            }
        }
        return Optional.empty();
    }

    private String dependentsNote(String incidentId) {
        int count = dependents.getOrDefault(incidentId, Set.of()).size();
        return count == 0 ? "" : count + " dependent check" + (count == 1 ? "" : "s") + " affected (held, not told"
                + " separately; see the incident)";
    }

    /** A breaker that opened by itself; an operator's hand is told like any other alert. */
    private static boolean isBreaker(AlertEvent event) {
        return event.isAboutDependency() && IncidentIds.isAutomaticBreaker(event.incidentId());
    }

    private static String describe(AlertEvent event) {
        String failure = event.failureClass() == null ? "" : " (" + event.failureClass() + ")";
        return event.subject() + " " + event.state() + failure + (event.reason().isEmpty() ? "" : ": " + event.reason());
    }

    private static String elapsed(Instant from, Instant to) {
        Duration duration = Duration.between(from, to);
        return Durations.format((duration.isNegative() ? Duration.ZERO : duration).truncatedTo(ChronoUnit.SECONDS));
    }

    /** The changes of one call, in the order they were made. */
    private static final class Changes {
        private final List<AlertEvent> events = new ArrayList<>();
        private final List<Correlation.Notice> notices = new ArrayList<>();
        private final IncidentUpdate.Builder update = new IncidentUpdate.Builder();

        void record(AlertEvent event) {
            events.add(event);
        }

        void tell(AlertEvent event, String note) {
            notices.add(new Correlation.Notice(event, note));
        }

        void incident(Incident incident) {
            update.incident(incident);
        }

        void alert(Firing alert, String alertId, Instant at) {
            update.alert(new IncidentAlert(alert.incidentId, alertId, alert.role, alert.event.dependency(),
                    alert.event.checkId(), alert.event.subject(), alert.heldBy, at));
        }

        void fact(String incidentId, Instant at, FactKind kind, String subject, String text) {
            update.fact(IncidentFact.of(incidentId, at, kind, subject, text));
        }

        Correlation build() {
            return new Correlation(events, notices, update.build());
        }
    }
}
