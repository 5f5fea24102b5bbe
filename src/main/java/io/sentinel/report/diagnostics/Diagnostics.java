package io.sentinel.report.diagnostics;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckIndex;
import io.sentinel.config.DependencyConfig;
import io.sentinel.cost.SpendRepository;
import io.sentinel.probe.Outcome;
import io.sentinel.report.Recommendations;
import io.sentinel.report.Recommendations.Recommendation;
import io.sentinel.report.ReportTimes;
import io.sentinel.report.incident.IncidentQuery;
import io.sentinel.report.incident.IncidentRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Makes the diagnostics report of a window: the database counts results per check and outcome; each check's
 * results are then read one at a time for latencies and failures, and only that check's latencies are held at
 * once. Ten thousand checks over a day never sit in memory together.
 */
public final class Diagnostics {

    /** Reports cover at most this much: a longer window is a scan of more than the retention usually keeps. */
    public static final Duration LONGEST_WINDOW = Duration.ofDays(31);
    /** How many failure groups, slowest checks and open incidents a report lists. */
    static final int LISTED_FAILURE_GROUPS = 50;
    static final int LISTED_SLOWEST = 10;
    static final int LISTED_OPEN_INCIDENTS = 100;

    private final ObservationRepository observations;
    private final IncidentRecords incidents;
    private final SpendRepository spending;
    private final CheckIndex checks;
    private final Clock clock;

    public Diagnostics(ObservationRepository observations, IncidentRecords incidents, SpendRepository spending,
                       CheckIndex checks, Clock clock) {
        this.observations = observations;
        this.incidents = incidents;
        this.spending = spending;
        this.checks = checks;
        this.clock = clock;
    }

    /** The report of {@code [from, to)}. */
    public DiagnosticsReport report(Instant from, Instant to) {
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(LONGEST_WINDOW) > 0) {
            throw new IllegalArgumentException("a report covers more than nothing and at most " + LONGEST_WINDOW.toDays()
                    + " days");
        }
        Instant generatedAt = clock.instant();
        Map<String, Tallies> byCheck = countResults(from, to);
        FailureGroups failures = new FailureGroups();
        Map<String, long[]> failedPaidCalls = new TreeMap<>();
        Map<String, double[]> failedPaidCost = new TreeMap<>();
        List<CheckSummary> summaries = new ArrayList<>();
        for (Map.Entry<String, Tallies> entry : byCheck.entrySet()) {
            String checkId = entry.getKey();
            Tallies tallies = entry.getValue();
            Latencies latencies = new Latencies();
            if (tallies.observations() > 0) {
                failures.beginCheck(checkId);
                observations.scan(checkId, from, to, observation -> {
                    if (observation.outcome() == Outcome.UP || observation.outcome() == Outcome.DEGRADED) {
                        latencies.add(observation.latencyMillis());
                    } else if (observation.outcome() == Outcome.DOWN && observation.failureClass() != null) {
                        failures.add(observation.failureClass(), observation.message(), observation.startedAt());
                        if (observation.costUsd() > 0) {
                            failedPaidCalls.computeIfAbsent(tallies.dependency, any -> new long[1])[0]++;
                            failedPaidCost.computeIfAbsent(tallies.dependency, any -> new double[1])[0] += observation.costUsd();
                        }
                    }
                });
            }
            summaries.add(new CheckSummary(checkId, tallies.dependency, tallies.configured, tallies.results,
                    latencies.percentile(0.5), latencies.percentile(0.95)));
        }
        List<FailureGroup> groups = failures.all();
        return new DiagnosticsReport(from, to, generatedAt, summaries,
                groups.subList(0, Math.min(LISTED_FAILURE_GROUPS, groups.size())), groups.size(), slowest(summaries),
                incidents.find(IncidentQuery.openOnes(LISTED_OPEN_INCIDENTS)), days(from, to),
                spending(days(from, to), failedPaidCalls, failedPaidCost), advice(groups));
    }

    /** One check's counts while the report is made. */
    private static final class Tallies {
        final String dependency;
        final boolean configured;
        final Map<Outcome, Long> results = new EnumMap<>(Outcome.class);

        Tallies(String dependency, boolean configured) {
            this.dependency = dependency;
            this.configured = configured;
        }

        long observations() {
            return results.entrySet().stream().filter(entry -> entry.getKey().isObservation())
                    .mapToLong(Map.Entry::getValue).sum();
        }
    }

    /** Configured checks in configuration order (those without results too), then removed ones by name. */
    private Map<String, Tallies> countResults(Instant from, Instant to) {
        Map<String, Tallies> byCheck = new LinkedHashMap<>();
        for (CheckConfig check : checks.checks()) {
            byCheck.put(check.id(), new Tallies(check.dependency(), true));
        }
        Map<String, Tallies> removed = new TreeMap<>();
        for (OutcomeCount count : observations.outcomeCounts(from, to)) {
            Tallies tallies = byCheck.containsKey(count.checkId()) ? byCheck.get(count.checkId())
                    : removed.computeIfAbsent(count.checkId(), any -> new Tallies(count.dependency(), false));
            tallies.results.merge(count.outcome(), count.results(), Long::sum);
        }
        byCheck.putAll(removed);
        return byCheck;
    }

    private static List<CheckSummary> slowest(List<CheckSummary> summaries) {
        return summaries.stream().filter(summary -> summary.p95Millis().isPresent())
                .sorted(Comparator.comparingLong((CheckSummary summary) -> summary.p95Millis().getAsLong()).reversed()
                        .thenComparing(CheckSummary::checkId))
                .limit(LISTED_SLOWEST).toList();
    }

    /** The UTC days the window touches: spending is recorded per day, so it is reported for whole days. */
    private static List<LocalDate> days(Instant from, Instant to) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate last = ReportTimes.date(to.minusNanos(1));
        for (LocalDate day = ReportTimes.date(from); !day.isAfter(last); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    /** Dependencies with spending, a budget or failed paid calls; configured ones first. */
    private List<SpendLine> spending(List<LocalDate> days, Map<String, long[]> failedPaidCalls,
                                     Map<String, double[]> failedPaidCost) {
        Map<String, Double> spent = new TreeMap<>();
        for (LocalDate day : days) {
            spending.spentOn(day).forEach((dependency, usd) -> spent.merge(dependency, usd, Double::sum));
        }
        Set<String> dependencies = new LinkedHashSet<>();
        checks.dependencies().stream().map(DependencyConfig::id).forEach(dependencies::add);
        dependencies.addAll(spent.keySet());
        dependencies.addAll(failedPaidCalls.keySet());
        List<SpendLine> lines = new ArrayList<>();
        for (String dependency : dependencies) {
            Optional<Double> budget = checks.dependency(dependency).flatMap(DependencyConfig::dailyBudget);
            double usd = spent.getOrDefault(dependency, 0.0);
            long calls = failedPaidCalls.getOrDefault(dependency, new long[1])[0];
            if (usd > 0 || budget.isPresent() || calls > 0) {
                lines.add(new SpendLine(dependency, usd, budget, calls,
                        failedPaidCost.getOrDefault(dependency, new double[1])[0]));
            }
        }
        return lines;
    }

    /** The recommendation of every failure group, counted per table line, most failures first. */
    private static List<AdviceLine> advice(List<FailureGroup> groups) {
        Map<Recommendation, long[]> failures = new LinkedHashMap<>();
        Map<Recommendation, Set<String>> named = new LinkedHashMap<>();
        for (FailureGroup group : groups) {
            Recommendation line = Recommendations.forFailure(group.failureClass(), group.pattern());
            failures.computeIfAbsent(line, any -> new long[1])[0] += group.failures();
            Set<String> checksOfLine = named.computeIfAbsent(line, any -> new LinkedHashSet<>());
            group.someChecks().stream().filter(check -> checksOfLine.size() < FailureGroups.NAMED_CHECKS)
                    .forEach(checksOfLine::add);
        }
        return failures.entrySet().stream()
                .map(entry -> new AdviceLine(entry.getKey(), entry.getValue()[0], List.copyOf(named.get(entry.getKey()))))
                .sorted(Comparator.comparingLong(AdviceLine::failures).reversed())
                .toList();
    }
}
