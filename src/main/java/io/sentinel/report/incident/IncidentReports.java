package io.sentinel.report.incident;

import io.sentinel.model.AlertEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Gathers an incident's facts from every {@link TimelineSource} and writes its post-incident report draft.
 * Only what was recorded goes in; what only people know is left as marked blanks.
 */
public final class IncidentReports {

    private final IncidentRecords repository;
    private final List<TimelineSource> sources;
    private final Clock clock;

    /** With the built-in sources: first problem probes, alert events, breakers, silences, notifications. */
    public IncidentReports(IncidentRecords repository, Clock clock) {
        this(repository, List.of(new FirstProblemProbeFacts(), new AlertEventFacts(), new BreakerFacts(repository),
                new SilenceFacts(repository), new NotificationFacts(repository)), clock);
    }

    /** @param sources where timeline facts come from; at the same instant, earlier sources come first */
    public IncidentReports(IncidentRecords repository, List<TimelineSource> sources, Clock clock) {
        this.repository = repository;
        this.sources = List.copyOf(sources);
        this.clock = clock;
    }

    /** The incident's facts, or empty when no alert event has that incident id. */
    public Optional<IncidentFacts> facts(String incidentId) {
        List<AlertEvent> events = repository.events(incidentId);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        var now = clock.instant();
        IncidentScope scope = IncidentScope.of(incidentId, events, now,
                (event, problem) -> repository.firstProblemProbe(event.checkId(), problem, event.since()));
        List<TimelineEntry> timeline = new ArrayList<>();
        for (TimelineSource source : sources) {
            timeline.addAll(source.entries(scope));
        }
        // a stable sort: facts of the same instant keep the sources' order (the probe before the alert it caused)
        timeline.sort(Comparator.comparing(TimelineEntry::at));
        return Optional.of(new IncidentFacts(scope, timeline, failedProbes(scope), now));
    }

    /** The report draft in Markdown, or empty when there is no such incident. */
    public Optional<String> markdown(String incidentId) {
        return facts(incidentId).map(IncidentReportMarkdown::render);
    }

    /** The failed probes of the checks its events name; for an incident about a whole dependency, of its checks. */
    private FailedProbes failedProbes(IncidentScope scope) {
        FailedProbes total = FailedProbes.NONE;
        if (!scope.checks().isEmpty()) {
            for (String check : scope.checks()) {
                total = total.plus(repository.failedProbesOfCheck(check, scope.from(), scope.until()));
            }
            return total;
        }
        for (String dependency : scope.dependencies()) {
            total = total.plus(repository.failedProbesOfDependency(dependency, scope.from(), scope.until()));
        }
        return total;
    }
}
