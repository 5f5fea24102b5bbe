package io.sentinel.report.diagnostics;

import io.sentinel.model.FailureClass;
import io.sentinel.report.MessagePatterns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Failed probes counted by failure class and message pattern, check by check. The number of groups is bounded:
 * past {@link #MAX_GROUPS}, new patterns count under their class's {@link #OTHER} group, so a flood of unique
 * messages cannot grow the report without end.
 */
final class FailureGroups {

    static final int MAX_GROUPS = 1_000;
    static final String OTHER = "(other messages)";
    /** How many check names a group keeps; the count covers the rest. */
    static final int NAMED_CHECKS = 5;
    /** Messages of one check repeat: each distinct one is turned into a pattern once. */
    private static final int PATTERN_CACHE = 256;

    private record Key(FailureClass failureClass, String pattern) {
    }

    private static final class Tally {
        long failures;
        int checks;
        final List<String> someChecks = new ArrayList<>();
        Instant firstSeen;
        Instant lastSeen;
    }

    private final Map<Key, Tally> groups = new LinkedHashMap<>();
    private final Set<Key> touchedByCheck = new HashSet<>();
    private final Map<String, String> patterns = new HashMap<>();
    private String currentCheck;

    /** Starts counting the failures of another check. */
    void beginCheck(String checkId) {
        currentCheck = checkId;
        touchedByCheck.clear();
        patterns.clear();
    }

    void add(FailureClass failureClass, String message, Instant at) {
        String pattern = patterns.get(message);
        if (pattern == null) {
            pattern = MessagePatterns.of(message);
            if (patterns.size() < PATTERN_CACHE) {
                patterns.put(message, pattern);
            }
        }
        Key key = new Key(failureClass, pattern);
        if (!groups.containsKey(key) && groups.size() >= MAX_GROUPS) {
            key = new Key(failureClass, OTHER);
        }
        Tally tally = groups.computeIfAbsent(key, any -> new Tally());
        tally.failures++;
        tally.firstSeen = tally.firstSeen == null || at.isBefore(tally.firstSeen) ? at : tally.firstSeen;
        tally.lastSeen = tally.lastSeen == null || at.isAfter(tally.lastSeen) ? at : tally.lastSeen;
        if (touchedByCheck.add(key)) {
            tally.checks++;
            if (tally.someChecks.size() < NAMED_CHECKS) {
                tally.someChecks.add(currentCheck);
            }
        }
    }

    int size() {
        return groups.size();
    }

    /** Every group, most failures first (the earlier seen first among equals). */
    List<FailureGroup> all() {
        return groups.entrySet().stream()
                .map(entry -> new FailureGroup(entry.getKey().failureClass(), entry.getKey().pattern(),
                        entry.getValue().failures, entry.getValue().checks, entry.getValue().someChecks,
                        entry.getValue().firstSeen, entry.getValue().lastSeen))
                .sorted(Comparator.comparingLong(FailureGroup::failures).reversed()
                        .thenComparing(FailureGroup::firstSeen))
                .toList();
    }
}
