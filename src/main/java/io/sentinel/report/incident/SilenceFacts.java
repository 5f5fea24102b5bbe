package io.sentinel.report.incident;

import io.sentinel.alert.silence.Silence;
import io.sentinel.report.ReportTimes;
import java.util.ArrayList;
import java.util.List;

/** Silences an operator created while the incident lasted that hold back some of its notifications. */
final class SilenceFacts implements TimelineSource {

    private final IncidentRecords repository;

    SilenceFacts(IncidentRecords repository) {
        this.repository = repository;
    }

    @Override
    public List<TimelineEntry> entries(IncidentScope scope) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (Silence silence : repository.silences()) {
            boolean during = !silence.createdAt().isBefore(scope.from()) && !silence.createdAt().isAfter(scope.until());
            if (during && scope.events().stream().anyMatch(silence::matches)) {
                entries.add(new TimelineEntry(silence.createdAt(), TimelineEntry.OPERATOR, describe(silence)));
            }
        }
        return entries;
    }

    private static String describe(Silence silence) {
        List<String> matchers = new ArrayList<>();
        silence.checkId().ifPresent(id -> matchers.add("check " + id));
        silence.dependency().ifPresent(id -> matchers.add("dependency " + id));
        silence.severity().ifPresent(level -> matchers.add("severity " + level.label()));
        return "operator silenced notifications for " + String.join(", ", matchers) + " until "
                + ReportTimes.dateTime(silence.endsAt()) + (silence.reason().isEmpty() ? "" : ": " + silence.reason());
    }
}
