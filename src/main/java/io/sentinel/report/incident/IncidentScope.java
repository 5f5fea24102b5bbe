package io.sentinel.report.incident;

import io.sentinel.model.AlertEvent;
import io.sentinel.model.HealthState;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * What one incident covers, worked out from its alert events (its own, and those of alerts listed in it): the
 * checks and dependencies they name, and the stretch of time up to its resolution (or up to now while it is open).
 *
 * @param summary      the incident as lists show it
 * @param events       its alert events, oldest first
 * @param checks       the checks its events name, distinct, in the order they first appear
 * @param dependencies the dependencies its events name, distinct, in the order they first appear
 * @param firstProblemProbes the probe that began each check's problem, where one is recorded
 * @param until        its resolution, or the moment the report is made while it is open
 */
public record IncidentScope(IncidentSummary summary, List<AlertEvent> events, List<String> checks,
                            List<String> dependencies, List<ProbeResult> firstProblemProbes, Instant until) {

    public IncidentScope {
        Objects.requireNonNull(summary, "summary");
        events = List.copyOf(events);
        checks = List.copyOf(new LinkedHashSet<>(checks));
        dependencies = List.copyOf(new LinkedHashSet<>(dependencies));
        firstProblemProbes = List.copyOf(firstProblemProbes);
        Objects.requireNonNull(until, "until");
        if (events.isEmpty()) {
            throw new IllegalArgumentException("an incident has at least one event");
        }
    }

    /**
     * The scope of an incident from its events (oldest first) as of {@code now}, with the probe that began each
     * named check's problem looked up by {@code firstProblemProbe}.
     */
    public static IncidentScope of(String id, List<AlertEvent> events, Instant now,
                                   BiFunction<AlertEvent, Set<Outcome>, Optional<ProbeResult>> firstProblemProbe) {
        IncidentSummary summary = IncidentSummary.of(id, events);
        Set<String> checks = new LinkedHashSet<>();
        Set<String> dependencies = new LinkedHashSet<>();
        List<ProbeResult> firstProbes = new ArrayList<>();
        for (AlertEvent event : events) {
            dependencies.add(event.dependency());
            if (event.checkId() != null && checks.add(event.checkId())) {
                firstProblemProbe.apply(event, problemOutcomes(event.state())).ifPresent(firstProbes::add);
            }
        }
        return new IncidentScope(summary, events, List.copyOf(checks), List.copyOf(dependencies), firstProbes,
                summary.resolvedAt().orElse(now));
    }

    /** A DOWN check's problem is its failed probes; a DEGRADED one's are its slow or failed ones. */
    private static Set<Outcome> problemOutcomes(HealthState state) {
        return state == HealthState.DOWN ? EnumSet.of(Outcome.DOWN) : EnumSet.of(Outcome.DEGRADED, Outcome.DOWN);
    }

    public String id() {
        return summary.id();
    }

    /** The ids its alert events carry: its own, and those of alerts listed in it. */
    public List<String> alertIds() {
        return events.stream().map(AlertEvent::incidentId).distinct().toList();
    }

    /** When the problem began: its earliest first problem probe, or when its events say it began. */
    public Instant from() {
        return firstProblemProbes.stream().map(ProbeResult::startedAt).filter(at -> at.isBefore(summary.startedAt()))
                .min(Instant::compareTo).orElse(summary.startedAt());
    }

    public boolean isOpen() {
        return summary.open();
    }
}
