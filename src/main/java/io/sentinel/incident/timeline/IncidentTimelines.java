package io.sentinel.incident.timeline;

import io.sentinel.alert.outbox.DeliveryState;
import io.sentinel.alert.outbox.OutboxEntry;
import io.sentinel.alert.silence.Silence;
import io.sentinel.breaker.BreakerRepository;
import io.sentinel.breaker.BreakerTransition;
import io.sentinel.incident.AlertRole;
import io.sentinel.incident.Incident;
import io.sentinel.incident.IncidentAlert;
import io.sentinel.incident.IncidentFact;
import io.sentinel.incident.IncidentRepository;
import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.probe.ProbeResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads an incident back as its timeline of facts and its impact. Only what is recorded is told: the facts
 * the incident recorded itself, the alert events of its alerts, the breaker transitions of their
 * dependencies (operators' actions among them), the silences operators created for its alerts, every
 * notification queued and delivered per channel, and the first failed probe of each affected check. Nothing is estimated; what is no longer recorded (results past
 * their retention) is left out.
 */
public final class IncidentTimelines {

    /** How far before an incident opened its first failed probe is looked for: many failure thresholds' worth. */
    static final Duration LOOKBACK = Duration.ofHours(1);
    private static final int MAX_TRANSITIONS = 200;
    private static final String COST_READING = "cost.usd";

    private final IncidentRepository incidents;
    private final Function<String, List<AlertEvent>> eventsOfAlert;
    private final Function<String, List<OutboxEntry>> notificationsOfAlert;
    private final BreakerRepository breakers;
    private final ProbeWindow results;
    private final Function<String, List<String>> checksOfDependency;
    private final Supplier<List<Silence>> silences;
    private final Clock clock;

    /**
     * @param eventsOfAlert        the alert events of one alert (its id is the events' {@code incidentId})
     * @param notificationsOfAlert the notifications of one alert
     * @param checksOfDependency   the configured checks of a dependency, whose probes count for its breaker's alert
     * @param silences             every silence operators created
     */
    public IncidentTimelines(IncidentRepository incidents, Function<String, List<AlertEvent>> eventsOfAlert,
                             Function<String, List<OutboxEntry>> notificationsOfAlert, BreakerRepository breakers,
                             ProbeWindow results, Function<String, List<String>> checksOfDependency,
                             Supplier<List<Silence>> silences, Clock clock) {
        this.incidents = incidents;
        this.eventsOfAlert = eventsOfAlert;
        this.notificationsOfAlert = notificationsOfAlert;
        this.breakers = breakers;
        this.results = results;
        this.checksOfDependency = checksOfDependency;
        this.silences = silences;
        this.clock = clock;
    }

    /** The incident with this id, or the one an alert with this id is listed in (its own, when released). */
    public Optional<IncidentView> view(String incidentOrAlertId) {
        return incidents.find(incidentOrAlertId)
                .or(() -> incidents.listing(incidentOrAlertId).stream().findFirst())
                .map(this::view);
    }

    private IncidentView view(Incident incident) {
        Instant now = clock.instant();
        Instant recovered = incident.recoveredAt() != null ? incident.recoveredAt() : now;
        Instant last = incident.closedAt() != null ? incident.closedAt() : now;
        List<IncidentAlert> alerts = incidents.alertsOf(List.of(incident.id()));
        Set<String> alertIds = new LinkedHashSet<>(alerts.stream().map(IncidentAlert::alertId).toList());
        List<AlertEvent> events = alertIds.stream().flatMap(id -> eventsOfAlert.apply(id).stream())
                .sorted(Comparator.comparing(AlertEvent::at).thenComparing(AlertEvent::id)).toList();
        List<OutboxEntry> notifications = alertIds.stream().flatMap(id -> notificationsOfAlert.apply(id).stream())
                .sorted(Comparator.comparing((OutboxEntry entry) -> entry.notification().createdAt())
                        .thenComparing(OutboxEntry::key)).toList();

        List<TimelineEntry> timeline = new ArrayList<>();
        Probes probes = probes(incident, alerts, events, recovered, timeline);
        Instant start = probes.firstFailed().orElse(incident.openedAt());
        events.forEach(event -> timeline.add(entry(event)));
        incidents.factsOf(incident.id()).forEach(fact -> timeline.add(entry(fact)));
        breakerTransitions(incident, alerts, start, last, timeline);
        silences(events, start, last, timeline);
        notifications.forEach(entry -> notificationEntries(entry, timeline));
        timeline.sort(Comparator.comparing(TimelineEntry::at));

        List<String> affected = alerts.stream().map(IncidentAlert::checkId).filter(id -> id != null).distinct().toList();
        List<String> dependents = alerts.stream().filter(alert -> alert.role() == AlertRole.DEPENDENT)
                .map(IncidentAlert::checkId).filter(id -> id != null).distinct().toList();
        Impact impact = new Impact(affected, dependents, probes.firstFailed().orElse(null),
                nonNegative(Duration.between(start, recovered)), probes.failed(), probes.failedCost());
        return new IncidentView(incident, alerts, impact, timeline, events, notifications);
    }

    /** The first failed probe of each affected check, and the failed probes and their cost until the recovery. */
    private Probes probes(Incident incident, List<IncidentAlert> alerts, List<AlertEvent> events, Instant recovered,
                          List<TimelineEntry> timeline) {
        Map<String, Instant> problemBegan = new LinkedHashMap<>();
        for (IncidentAlert alert : alerts) {
            Instant since = events.stream().filter(event -> event.incidentId().equals(alert.alertId()))
                    .map(AlertEvent::since).min(Comparator.naturalOrder()).orElse(alert.joinedAt());
            if (alert.checkId() != null) {
                problemBegan.merge(alert.checkId(), since, (a, b) -> a.isBefore(b) ? a : b);
            } else {
                checksOfDependency.apply(alert.dependency()).forEach(check -> problemBegan.putIfAbsent(check, since));
            }
        }
        Instant firstFailed = null;
        int failed = 0;
        double cost = 0;
        for (Map.Entry<String, Instant> check : problemBegan.entrySet()) {
            List<ProbeResult> window = results.between(check.getKey(), incident.openedAt().minus(LOOKBACK), recovered);
            Optional<ProbeResult> first = firstFailure(window, check.getValue());
            if (first.isEmpty()) {
                continue;
            }
            ProbeResult probe = first.get();
            timeline.add(new TimelineEntry(probe.startedAt(), "FIRST_FAILED_PROBE", check.getKey(), "",
                    "first failed probe of " + check.getKey() + ": " + probe.failureClass()
                            + (probe.message().isEmpty() ? "" : " " + probe.message())));
            firstFailed = firstFailed == null || probe.startedAt().isBefore(firstFailed) ? probe.startedAt() : firstFailed;
            for (ProbeResult result : window) {
                if (result.isFailure() && !result.startedAt().isBefore(probe.startedAt())) {
                    failed++;
                    cost += result.readings().getOrDefault(COST_READING, 0.0);
                }
            }
        }
        return new Probes(Optional.ofNullable(firstFailed), failed, Math.round(cost * 1_000_000) / 1_000_000.0);
    }

    private record Probes(Optional<Instant> firstFailed, int failed, double failedCost) {
    }

    /**
     * The failed probe that began the streak the problem came from: after the last probe that worked before the
     * problem began, the first that failed.
     */
    private static Optional<ProbeResult> firstFailure(List<ProbeResult> window, Instant problemBegan) {
        int lastWorking = -1;
        for (int i = 0; i < window.size() && !window.get(i).startedAt().isAfter(problemBegan); i++) {
            ProbeResult result = window.get(i);
            if (result.outcome().isObservation() && !result.isFailure()) {
                lastWorking = i;
            }
        }
        return window.subList(lastWorking + 1, window.size()).stream().filter(ProbeResult::isFailure).findFirst();
    }

    private void breakerTransitions(Incident incident, List<IncidentAlert> alerts, Instant from, Instant to,
                                    List<TimelineEntry> timeline) {
        Set<String> dependencies = new LinkedHashSet<>(List.of(incident.dependency()));
        alerts.forEach(alert -> dependencies.add(alert.dependency()));
        for (String dependency : dependencies) {
            for (BreakerTransition transition : breakers.transitions(dependency, MAX_TRANSITIONS)) {
                if (!transition.at().isBefore(from) && !transition.at().isAfter(to)) {
                    timeline.add(entry(transition));
                }
            }
        }
    }

    /** Silences created while the incident lasted that hold any of its alerts. */
    private void silences(List<AlertEvent> events, Instant from, Instant to, List<TimelineEntry> timeline) {
        for (Silence silence : silences.get()) {
            if (silence.createdAt().isBefore(from) || silence.createdAt().isAfter(to)
                    || events.stream().noneMatch(silence::matches)) {
                continue;
            }
            List<String> matchers = new ArrayList<>();
            silence.checkId().ifPresent(check -> matchers.add("check " + check));
            silence.dependency().ifPresent(dependency -> matchers.add("dependency " + dependency));
            silence.severity().ifPresent(severity -> matchers.add(severity.label() + " alerts"));
            timeline.add(new TimelineEntry(silence.createdAt(), "OPERATOR_ACTION", "", "", "an operator silenced "
                    + String.join(", ", matchers) + " until " + silence.endsAt() + ": " + silence.reason()));
        }
    }

    private static TimelineEntry entry(BreakerTransition transition) {
        String subject = transition.dependency() + " breaker";
        if (BreakerTransition.OPERATOR.equals(transition.actor())) {
            return new TimelineEntry(transition.at(), "OPERATOR_ACTION", subject, "", "an operator moved the "
                    + subject + " from " + transition.from() + " to " + transition.to() + ": " + transition.reason());
        }
        String kind = switch (transition.to()) {
            case OPEN, FORCED_OPEN -> "BREAKER_OPENED";
            case HALF_OPEN -> "BREAKER_HALF_OPEN";
            case CLOSED -> "BREAKER_CLOSED";
            default -> "BREAKER_" + transition.to().name();
        };
        return new TimelineEntry(transition.at(), kind, subject, "", subject + " " + transition.from() + " → "
                + transition.to() + ": " + transition.reason());
    }

    private static TimelineEntry entry(AlertEvent event) {
        boolean firing = event.status() == AlertStatus.FIRING;
        String failure = event.failureClass() == null ? "" : " (" + event.failureClass() + ")";
        return new TimelineEntry(event.at(), firing ? "ALERT_FIRED" : "ALERT_RESOLVED", event.subject(), "",
                event.subject() + " " + event.state() + failure + (event.reason().isEmpty() ? "" : ": " + event.reason()));
    }

    private static TimelineEntry entry(IncidentFact fact) {
        return new TimelineEntry(fact.at(), fact.kind().name(), fact.subject(), "", fact.text());
    }

    private static void notificationEntries(OutboxEntry entry, List<TimelineEntry> timeline) {
        AlertEvent event = entry.notification().event();
        String what = entry.notification().kind().name().equals("ALERT")
                ? event.status() + " " + event.subject() + " " + event.state()
                : entry.notification().kind() + " " + event.subject() + " " + event.state();
        String channel = entry.channelId();
        String held = entry.state() == DeliveryState.HELD || entry.lastError().startsWith("held by")
                ? " (" + entry.lastError() + ")" : "";
        timeline.add(new TimelineEntry(entry.notification().createdAt(), "NOTIFICATION_QUEUED", event.subject(), channel,
                what + " queued for " + channel + held));
        if (entry.deliveredAt() != null) {
            timeline.add(new TimelineEntry(entry.deliveredAt(), "NOTIFICATION_DELIVERED", event.subject(), channel,
                    what + " delivered to " + channel + (entry.attempts() > 1 ? " at attempt " + entry.attempts() : "")));
        }
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
