package io.sentinel.report.incident;

import io.sentinel.config.Durations;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeResult;
import java.util.List;

/** The probe that began each check's problem: its first failed (or, for a slow check, degraded) probe. */
final class FirstProblemProbeFacts implements TimelineSource {

    @Override
    public List<TimelineEntry> entries(IncidentScope scope) {
        return scope.firstProblemProbes().stream().map(FirstProblemProbeFacts::entry).toList();
    }

    private static TimelineEntry entry(ProbeResult probe) {
        StringBuilder text = new StringBuilder("first ")
                .append(probe.outcome() == Outcome.DOWN ? "failed" : "degraded").append(" probe of ")
                .append(probe.checkId()).append(": ");
        if (probe.failureClass() != null) {
            text.append(probe.failureClass()).append(", ");
        }
        text.append(probe.message().isEmpty() ? probe.outcome().name() : probe.message())
                .append(" (took ").append(Durations.format(probe.latency())).append(')');
        return new TimelineEntry(probe.startedAt(), TimelineEntry.PROBE, text.toString());
    }
}
