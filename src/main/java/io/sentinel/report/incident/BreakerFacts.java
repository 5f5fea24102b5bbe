package io.sentinel.report.incident;

import io.sentinel.breaker.BreakerTransition;
import java.util.ArrayList;
import java.util.List;

/**
 * The breaker transitions of the incident's dependencies while it lasted; those an operator ordered are
 * operator actions.
 */
final class BreakerFacts implements TimelineSource {

    private final IncidentRecords repository;

    BreakerFacts(IncidentRecords repository) {
        this.repository = repository;
    }

    @Override
    public List<TimelineEntry> entries(IncidentScope scope) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (String dependency : scope.dependencies()) {
            for (BreakerTransition transition : repository.breakerTransitions(dependency, scope.from(), scope.until())) {
                entries.add(entry(transition));
            }
        }
        return entries;
    }

    private static TimelineEntry entry(BreakerTransition transition) {
        boolean operator = BreakerTransition.OPERATOR.equals(transition.actor());
        String change = transition.dependency() + " breaker " + transition.from() + " → " + transition.to();
        String text = (operator ? "operator moved the " + change : change)
                + (transition.reason().isEmpty() ? "" : ": " + transition.reason());
        return new TimelineEntry(transition.at(), operator ? TimelineEntry.OPERATOR : TimelineEntry.BREAKER, text);
    }
}
