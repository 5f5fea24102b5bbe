package io.sentinel.cluster;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sentinel.config.ClusterConfig;
import io.sentinel.json.ResultJson;
import io.sentinel.model.HealthState;
import io.sentinel.rules.CheckState;
import io.sentinel.rules.CheckStateRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every member knows about the cluster, refreshed every two seconds by the {@code cluster-membership} route on
 * every instance: it says this instance is alive (and whether it leads), then reads who else is, every location's
 * view of every check and the decided states, so {@code /api/status} on any instance shows the same cluster without
 * asking the database per request. Also the cluster's metrics: {@code sentinel_cluster_leader},
 * {@code sentinel_cluster_members}, and per location {@code sentinel_location_reporting} and
 * {@code sentinel_location_checks_down}.
 */
public final class ClusterMembership {

    /** A member not heard from for this long is gone: five announcements missed. */
    static final Duration MEMBER_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(ClusterMembership.class);

    private final ClusterConfig cluster;
    private final String memberId;
    private final String apiUrl;
    private final Leadership leadership;
    private final MemberRepository members;
    private final LocationViewRepository views;
    private final CheckStateRepository decided;
    private final Clock clock;
    private final Instant startedAt;
    private final MeterRegistry metrics;
    private final Set<String> locationsWithMeters = ConcurrentHashMap.newKeySet();
    private volatile Snapshot snapshot = Snapshot.EMPTY;

    /** What was read at the last refresh. */
    record Snapshot(List<ClusterMember> members, List<LocationView> views, Map<String, CheckState> decided,
                    Instant readAt) {
        static final Snapshot EMPTY = new Snapshot(List.of(), List.of(), Map.of(), null);
    }

    public ClusterMembership(ClusterConfig cluster, String memberId, String apiUrl, Leadership leadership,
                             MemberRepository members, LocationViewRepository views, CheckStateRepository decided,
                             MeterRegistry metrics, Clock clock) {
        this.cluster = cluster;
        this.memberId = memberId;
        this.apiUrl = apiUrl;
        this.leadership = leadership;
        this.members = members;
        this.views = views;
        this.decided = decided;
        this.metrics = metrics;
        this.clock = clock;
        this.startedAt = clock.instant();
        if (cluster.isClustered()) {
            Gauge.builder("sentinel.cluster.leader", leadership, lead -> lead.isLeader() ? 1 : 0)
                    .description("1 while this instance leads its cluster (decides and sends), else 0")
                    .register(metrics);
            Gauge.builder("sentinel.cluster.members", this, membership -> membership.snapshot.members().size())
                    .description("Instances heard from within the last 10 s")
                    .register(metrics);
        }
    }

    public boolean isClustered() {
        return cluster.isClustered();
    }

    /** Says this instance is alive, then reads the cluster. A database that fails is tried again next time. */
    public void refresh() {
        if (!cluster.isClustered()) {
            return;
        }
        Instant now = clock.instant();
        try {
            members.announce(new ClusterMember(memberId, cluster.location(), apiUrl, leadership.isLeader(), startedAt,
                    now));
            snapshot = new Snapshot(members.seenSince(now.minus(MEMBER_TIMEOUT)), views.all(), decided.loadAll(), now);
            snapshot.views().stream().map(LocationView::location).filter(locationsWithMeters::add)
                    .forEach(this::locationMeters);
        } catch (RuntimeException databaseUnavailable) {
            LOG.debug("Cannot announce this instance or read the cluster: {}", databaseUnavailable.getMessage());
        }
    }

    /** The state the leader decided for a check, as last read; empty alone or before the first read. */
    public Optional<CheckState> decidedState(String checkId) {
        return Optional.ofNullable(snapshot.decided().get(checkId));
    }

    /** The {@code cluster} section of {@code /api/status}; empty for a single instance. */
    public Optional<Map<String, Object>> describe() {
        if (!cluster.isClustered()) {
            return Optional.empty();
        }
        Snapshot current = snapshot;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", cluster.service().label());
        body.put("location", cluster.location());
        body.put("member", memberId);
        body.put("leads", leadership.isLeader());
        // a leader that just lost its place still says it leads until its row ages out: the latest word counts
        body.put("leader", current.members().stream().filter(ClusterMember::leader)
                .max(java.util.Comparator.comparing(ClusterMember::seenAt)).map(ClusterMember::memberId).orElse(null));
        body.put("confirmations", cluster.confirmations() == 0 ? "majority" : cluster.confirmations());
        body.put("members", current.members().stream().map(ClusterMembership::member).toList());
        body.put("readAt", current.readAt() == null ? null : current.readAt().toString());
        return Optional.of(body);
    }

    /** Each location's view of one check: its state there and its last result from there. */
    public Map<String, Object> locationsOf(String checkId) {
        Map<String, Object> locations = new LinkedHashMap<>();
        for (LocationView view : snapshot.views()) {
            if (!view.checkId().equals(checkId)) {
                continue;
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("state", view.state().name());
            if (view.since() != null) {
                one.put("since", view.since().toString());
            }
            one.put("observedAt", view.observedAt() == null ? null : view.observedAt().toString());
            one.put("lastResult", ResultJson.of(view.lastResult()));
            locations.put(view.location(), one);
        }
        return locations;
    }

    private static Map<String, Object> member(ClusterMember member) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("member", member.memberId());
        one.put("location", member.location());
        one.put("api", member.apiUrl());
        one.put("leader", member.leader());
        one.put("startedAt", member.startedAt().toString());
        one.put("seenAt", member.seenAt().toString());
        return one;
    }

    private void locationMeters(String location) {
        Gauge.builder("sentinel.location.reporting", this, membership -> membership.reporting(location) ? 1 : 0)
                .description("1 while the location has a member heard from recently, else 0")
                .tag("location", location)
                .register(metrics);
        Gauge.builder("sentinel.location.checks.down", this, membership -> membership.snapshot.views().stream()
                        .filter(view -> view.location().equals(location) && view.state() == HealthState.DOWN).count())
                .description("Checks the location sees DOWN by its own results")
                .tag("location", location)
                .register(metrics);
    }

    private boolean reporting(String location) {
        return snapshot.members().stream().anyMatch(member -> member.location().equals(location));
    }
}
