package io.sentinel.cluster;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckIndex;
import io.sentinel.config.ClusterConfig;
import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.model.HealthState;
import io.sentinel.rules.CheckState;
import io.sentinel.rules.FlapDetection;
import io.sentinel.rules.IncidentIds;
import io.sentinel.rules.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's decisions from every location's view (the {@code cluster-decisions} route, every second):
 *
 * <ul>
 *   <li>A check is DOWN only when {@code cluster.confirmations} locations see it DOWN by their own thresholds (by
 *       default a majority of the locations reporting it recently), DEGRADED when that many see a problem.</li>
 *   <li>A location seeing a check DOWN that the others do not confirm raises a separate signal a step below the
 *       check's severity: "location us-1 cannot reach frontend-home".</li>
 *   <li>A location from which every check fails (two or more) while another location reaches at least one of them has
 *       lost its own network: one signal says so, and its views are not counted until it recovers.</li>
 * </ul>
 *
 * Each change comes out as a {@link Verdict}, committed by the alert path like any other decision. Without a
 * cluster there is nothing to decide here: a single instance's rules decide from its own results.
 */
public final class ClusterStates {

    /** The shortest time a location's last observation of a check counts as recent. */
    static final Duration SHORTEST_FRESHNESS = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(ClusterStates.class);

    private final ClusterConfig cluster;
    private final CheckIndex checks;
    private final LocationViewRepository views;
    private final FlapDetection flapping = new FlapDetection();
    private final Clock clock;
    private final Map<String, CheckState> states = new HashMap<>();
    /** "Cannot reach" signals firing, by location and check. */
    private final Map<String, AlertEvent> unreachable = new LinkedHashMap<>();
    /** Lost networks, by location. */
    private final Map<String, AlertEvent> networks = new LinkedHashMap<>();
    private volatile Map<String, Consensus> latest = Map.of();

    public ClusterStates(ClusterConfig cluster, CheckIndex checks, LocationViewRepository views, Clock clock) {
        this.cluster = cluster;
        this.checks = checks;
        this.views = views;
        this.clock = clock;
    }

    /**
     * For a newly elected leader: the states the previous one decided, and the locations' signals it left firing
     * (from the recent alert events).
     */
    public synchronized void restore(Map<String, CheckState> decided, Collection<AlertEvent> recentEvents) {
        states.clear();
        states.putAll(decided);
        unreachable.clear();
        networks.clear();
        Map<String, AlertEvent> lastOfEach = new LinkedHashMap<>();
        recentEvents.stream().sorted(Comparator.comparing(AlertEvent::at))
                .forEach(event -> lastOfEach.put(event.incidentId(), event));
        for (AlertEvent event : lastOfEach.values()) {
            if (event.status() != AlertStatus.FIRING) {
                continue;
            }
            if (event.incidentId().startsWith("location:")) {
                String location = event.incidentId().substring("location:".length()).split(":", 2)[0];
                unreachable.put(key(location, event.checkId()), event);
            } else if (event.incidentId().startsWith(AlertEvent.LOCATION_NETWORK + ":")) {
                networks.put(event.dependency().substring("location-".length()), event);
            }
        }
    }

    /** What changed since the last look, one verdict per check state changed and per signal raised or ended. */
    public synchronized List<Verdict> decide() {
        if (!cluster.isClustered()) {
            return List.of();
        }
        List<LocationView> all;
        try {
            all = views.all();
        } catch (RuntimeException databaseUnavailable) {
            LOG.debug("The locations' views cannot be read: {}", databaseUnavailable.getMessage());
            return List.of();
        }
        Instant now = clock.instant();
        Map<String, List<LocationView>> byCheck = all.stream().collect(Collectors.groupingBy(LocationView::checkId,
                LinkedHashMap::new, Collectors.toList()));
        List<Verdict> verdicts = new ArrayList<>();
        Set<String> lost = networks(byCheck, now, verdicts);
        Map<String, Consensus> agreed = new LinkedHashMap<>();
        for (CheckConfig check : checks.checks()) {
            Instant cutoff = now.minus(freshness(check));
            List<LocationView> reporting = byCheck.getOrDefault(check.id(), List.of()).stream()
                    .filter(view -> view.isReportingSince(cutoff) && view.state() != HealthState.UNKNOWN)
                    .filter(view -> !lost.contains(view.location()))
                    .toList();
            if (reporting.isEmpty()) {
                continue;
            }
            Consensus consensus = Consensus.of(reporting, cluster.confirmationsAmong(reporting.size()));
            agreed.put(check.id(), consensus);
            decideState(check, consensus, now).ifPresent(verdicts::add);
            signals(check, consensus, now, verdicts);
        }
        endSignalsOfLostLocations(lost, now, verdicts);
        latest = Map.copyOf(agreed);
        return verdicts;
    }

    /** The consensus of the last look per check, for the status API and metrics. */
    public Map<String, Consensus> latest() {
        return latest;
    }

    private Optional<Verdict> decideState(CheckConfig check, Consensus consensus, Instant now) {
        CheckState before = states.getOrDefault(check.id(), CheckState.unknown(check.id()));
        if (consensus.state() == before.state()) {
            return Optional.empty();
        }
        CheckState after = state(check, before, consensus, now);
        states.put(check.id(), after);
        LOG.info("{} is now {} (was {}), from the views of {}", check.id(), after.state(), before.state(),
                consensus.locations().isEmpty() ? "no location" : consensus.locations());
        Verdict verdict = new Verdict(after, ClusterAlerts.stateChange(before, after, consensus, check, now).stream()
                .toList());
        return Optional.of(flapping.apply(check, consensus.confirming().isEmpty() ? consensus.reporting().get(0).lastResult()
                : consensus.confirming().get(0).lastResult(), verdict, after, now));
    }

    private static CheckState state(CheckConfig check, CheckState before, Consensus consensus, Instant now) {
        HealthState next = consensus.state();
        Instant since = next.isProblem() ? consensus.since() : now;
        String incident = !next.isProblem() ? null
                : before.incidentId() != null ? before.incidentId() : IncidentIds.forCheck(check.id(), since);
        int failures = consensus.confirming().stream().mapToInt(LocationView::consecutiveFailures).max().orElse(0);
        int successes = consensus.confirming().stream().mapToInt(LocationView::consecutiveSuccesses).max().orElse(0);
        Instant lastProbe = consensus.reporting().stream().map(LocationView::observedAt).max(Comparator.naturalOrder())
                .orElse(now);
        return new CheckState(check.id(), next, since, failures, successes, next == HealthState.DOWN ? 0 : successes,
                next == HealthState.UP ? 0 : failures, lastProbe, incident);
    }

    /** Raises and ends the "cannot reach" signals of one check. */
    private void signals(CheckConfig check, Consensus consensus, Instant now, List<Verdict> verdicts) {
        boolean confirmedDown = consensus.state() == HealthState.DOWN;
        for (LocationView view : consensus.reporting()) {
            String key = key(view.location(), check.id());
            AlertEvent firing = unreachable.get(key);
            boolean alone = view.seesDown() && !confirmedDown && consensus.reporting().stream()
                    .noneMatch(other -> notProbedSince(view, other));
            if (alone && firing == null) {
                AlertEvent signal = ClusterAlerts.cannotReach(view, check, consensus, now);
                unreachable.put(key, signal);
                LOG.info("{}", signal.reason());
                verdicts.add(Verdict.of(List.of(signal)));
            } else if (!alone && firing != null) {
                unreachable.remove(key);
                verdicts.add(Verdict.of(List.of(ClusterAlerts.resolved(firing, confirmedDown
                        ? check.id() + " is DOWN from enough locations: an outage, no longer one location's"
                        : "location " + view.location() + " reaches " + check.id() + " again", now))));
            }
        }
    }

    /** The locations that lost their network now, with their signals raised or ended. */
    private Set<String> networks(Map<String, List<LocationView>> byCheck, Instant now, List<Verdict> verdicts) {
        Map<String, List<LocationView>> byLocation = new LinkedHashMap<>();
        for (CheckConfig check : checks.checks()) {
            Instant cutoff = now.minus(freshness(check));
            byCheck.getOrDefault(check.id(), List.of()).stream()
                    .filter(view -> view.isReportingSince(cutoff) && view.state() != HealthState.UNKNOWN)
                    .forEach(view -> byLocation.computeIfAbsent(view.location(), l -> new ArrayList<>()).add(view));
        }
        Set<String> lost = new java.util.LinkedHashSet<>();
        for (Map.Entry<String, List<LocationView>> location : byLocation.entrySet()) {
            List<LocationView> seen = location.getValue();
            boolean allFail = seen.size() >= 2 && seen.stream().allMatch(LocationView::seesDown);
            boolean othersReach = allFail && byLocation.entrySet().stream()
                    .filter(other -> !other.getKey().equals(location.getKey()))
                    .anyMatch(other -> other.getValue().stream().anyMatch(view -> seen.stream()
                            .anyMatch(failing -> reachedSince(failing, view))));
            AlertEvent firing = networks.get(location.getKey());
            if (othersReach) {
                lost.add(location.getKey());
                if (firing == null) {
                    Instant lostAt = seen.stream().map(LocationView::since).max(Comparator.naturalOrder()).orElse(now);
                    AlertEvent signal = ClusterAlerts.networkLost(location.getKey(), seen, lostAt, now);
                    networks.put(location.getKey(), signal);
                    LOG.warn("{}", signal.reason());
                    verdicts.add(Verdict.of(List.of(signal)));
                }
            } else if (firing != null) {
                networks.remove(location.getKey());
                verdicts.add(Verdict.of(List.of(ClusterAlerts.resolved(firing, "location " + location.getKey()
                        + " reaches the network again", now))));
            }
        }
        return lost;
    }

    /**
     * Whether another location reached the check after this one saw it fail. Only then do the two disagree: before
     * it, the other has simply not probed since, which is how every real outage looks for a few seconds (one location
     * decides first), and no "cannot reach" or "network of" signal should follow from that.
     */
    private static boolean reachedSince(LocationView failing, LocationView other) {
        return !other.location().equals(failing.location()) && other.checkId().equals(failing.checkId())
                && !other.seesDown() && other.observedAt().isAfter(failing.since());
    }

    /** Whether another location still sees the check working only from a probe before this one saw it fail. */
    private static boolean notProbedSince(LocationView failing, LocationView other) {
        return !other.location().equals(failing.location()) && other.checkId().equals(failing.checkId())
                && !other.seesDown() && !other.observedAt().isAfter(failing.since());
    }

    /** A location that lost its network says nothing about single checks: its "cannot reach" signals end. */
    private void endSignalsOfLostLocations(Set<String> lost, Instant now, List<Verdict> verdicts) {
        for (String location : lost) {
            unreachable.entrySet().removeIf(entry -> {
                if (!entry.getKey().startsWith(location + "\u0000")) {
                    return false;
                }
                verdicts.add(Verdict.of(List.of(ClusterAlerts.resolved(entry.getValue(), "location " + location
                        + " lost its network: its failures are not the checks'", now))));
                return true;
            });
        }
    }

    /** How recent a location's last observation of a check must be to count: three intervals and a timeout. */
    static Duration freshness(CheckConfig check) {
        Duration threeProbes = check.interval().multipliedBy(3).plus(check.timeout());
        return threeProbes.compareTo(SHORTEST_FRESHNESS) < 0 ? SHORTEST_FRESHNESS : threeProbes;
    }

    private static String key(String location, String checkId) {
        return location + "\u0000" + checkId;
    }
}
