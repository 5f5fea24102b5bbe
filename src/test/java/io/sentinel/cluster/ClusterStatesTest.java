package io.sentinel.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.ClusterConfig;
import io.sentinel.config.Severity;
import io.sentinel.kamelet.RouteTesting;
import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.model.FailureClass;
import io.sentinel.model.HealthState;
import io.sentinel.probe.ProbeResult;
import io.sentinel.rules.Verdict;
import io.sentinel.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterStatesTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private static final ClusterConfig MAJORITY = new ClusterConfig("eu-1", ClusterConfig.Service.FILE, Path.of("lock"),
            ClusterConfig.DEFAULT_LOCK_INTERVAL, 0, "");

    private final MutableClock clock = new MutableClock(T0.plusSeconds(30));
    private final Views views = new Views();
    private final CheckConfig home = CheckConfig.builder("home", "web", RouteTesting.ROUTE_KIND,
            new io.sentinel.config.CheckOptions() { }).severity(Severity.CRITICAL).build();
    private final CheckConfig api = CheckConfig.builder("api", "web", RouteTesting.ROUTE_KIND,
            new io.sentinel.config.CheckOptions() { }).severity(Severity.HIGH).build();
    private final CheckConfig db = RouteTesting.routeCheck("db", "web");

    @Test
    void oneLocationFailingAloneIsALowerSignalNotAnOutage() {
        ClusterStates states = states(MAJORITY);
        views.up("eu-1", home, T0);
        views.down("us-1", home, T0.plusSeconds(5));

        List<AlertEvent> events = events(states.decide());

        assertThat(events).singleElement().satisfies(signal -> {
            assertThat(signal.status()).isEqualTo(AlertStatus.FIRING);
            assertThat(signal.incidentId()).isEqualTo("location:us-1:home@20261202T100005.000Z");
            assertThat(signal.severity()).isEqualTo(Severity.HIGH);
            assertThat(signal.state()).isEqualTo(HealthState.DEGRADED);
            assertThat(signal.reason()).startsWith("location us-1 cannot reach home");
        });
        assertThat(states.latest().get("home").state()).isEqualTo(HealthState.UP);
        assertThat(states.decide()).as("said once").isEmpty();
    }

    @Test
    void aFailureSeenFromEnoughLocationsIsDownAndTheLocationSignalEnds() {
        ClusterStates states = states(MAJORITY);
        views.up("eu-1", home, T0);
        views.down("us-1", home, T0.plusSeconds(5));
        states.decide();
        views.down("eu-1", home, T0.plusSeconds(9));

        List<Verdict> verdicts = states.decide();

        assertThat(verdicts.get(0).changedState().state()).isEqualTo(HealthState.DOWN);
        assertThat(verdicts.get(0).changedState().incidentId()).isEqualTo("home@20261202T100009.000Z");
        assertThat(events(verdicts)).extracting(AlertEvent::status, AlertEvent::incidentId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AlertStatus.FIRING, "home@20261202T100009.000Z"),
                org.assertj.core.groups.Tuple.tuple(AlertStatus.RESOLVED, "location:us-1:home@20261202T100005.000Z"));
        assertThat(events(verdicts).get(0).reason()).startsWith("DOWN from 2 of 2 locations (us-1, eu-1; 2 needed)");
    }

    @Test
    void twoInstancesReadingTheSameViewsNameTheSameIncident() {
        views.down("eu-1", home, T0.plusSeconds(3));
        views.down("us-1", home, T0.plusSeconds(7));
        views.down("ap-1", home, T0.plusSeconds(1));

        Verdict first = states(MAJORITY).decide().get(0);
        clock.advance(Duration.ofSeconds(2));
        Verdict second = states(MAJORITY).decide().get(0);

        assertThat(first.changedState().incidentId()).isEqualTo("home@20261202T100003.000Z")
                .isEqualTo(second.changedState().incidentId());
    }

    @Test
    void aMajorityOfThreeIsTwoAndStaleOrUnknownViewsDoNotCount() {
        ClusterStates states = states(MAJORITY);
        views.down("eu-1", home, T0);
        views.up("us-1", home, T0);
        views.put("ap-1", home, HealthState.DOWN, T0, T0.minusSeconds(600));
        views.put("sa-1", home, HealthState.UNKNOWN, null, T0);

        states.decide();
        assertThat(states.latest().get("home").reporting()).hasSize(2);
        assertThat(states.latest().get("home").state()).isEqualTo(HealthState.UP);

        views.put("ap-1", home, HealthState.DOWN, T0, T0.plusSeconds(20));
        states.decide();
        assertThat(states.latest().get("home").state()).isEqualTo(HealthState.DOWN);
        assertThat(states.latest().get("home").needed()).isEqualTo(2);
    }

    @Test
    void configuredConfirmationsAreNeededEvenWhenFewerLocationsReport() {
        ClusterStates states = states(new ClusterConfig("eu-1", ClusterConfig.Service.FILE, Path.of("lock"),
                ClusterConfig.DEFAULT_LOCK_INTERVAL, 2, ""));
        views.down("eu-1", home, T0);

        assertThat(events(states.decide())).singleElement()
                .satisfies(signal -> assertThat(signal.incidentId()).startsWith("location:eu-1:home@"));
        assertThat(states.latest().get("home").state()).isEqualTo(HealthState.UP);
    }

    @Test
    void everyCheckFailingFromOneLocationIsThatLocationsNetwork() {
        ClusterStates states = states(MAJORITY);
        views.down("us-1", home, T0);
        views.down("us-1", api, T0.plusSeconds(2));
        views.up("eu-1", home, T0);
        views.up("eu-1", api, T0);

        List<AlertEvent> events = events(states.decide());

        assertThat(events).singleElement().satisfies(signal -> {
            assertThat(signal.incidentId()).isEqualTo("location-network:us-1@20261202T100002.000Z");
            assertThat(signal.checkId()).isNull();
            assertThat(signal.subject()).isEqualTo("the network of location us-1");
        });
        assertThat(states.latest().get("home").reporting()).extracting(LocationView::location).containsExactly("eu-1");

        views.up("us-1", home, T0.plusSeconds(25));
        assertThat(events(states.decide())).extracting(AlertEvent::status, AlertEvent::incidentId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AlertStatus.RESOLVED, "location-network:us-1@20261202T100002.000Z"),
                org.assertj.core.groups.Tuple.tuple(AlertStatus.FIRING, "location:us-1:api@20261202T100002.000Z"));
    }

    @Test
    void aLocationThatSeesAnOutageFirstRaisesNoSignalUntilAnotherReachesTheChecksAfterIt() {
        ClusterStates states = states(MAJORITY);
        // us-1 decides first; eu-1's views are fresh but from probes before us-1 saw the checks fail
        views.put("us-1", home, HealthState.DOWN, T0.plusSeconds(10), T0.plusSeconds(10));
        views.put("us-1", api, HealthState.DOWN, T0.plusSeconds(11), T0.plusSeconds(11));
        views.put("eu-1", home, HealthState.UP, T0, T0.plusSeconds(9));
        views.put("eu-1", api, HealthState.UP, T0, T0.plusSeconds(9));

        assertThat(events(states.decide())).as("neither its network nor a check it alone cannot reach").isEmpty();

        views.put("eu-1", home, HealthState.DOWN, T0.plusSeconds(14), T0.plusSeconds(14));
        views.put("eu-1", api, HealthState.DOWN, T0.plusSeconds(14), T0.plusSeconds(14));
        assertThat(events(states.decide())).as("the outage, confirmed").extracting(AlertEvent::incidentId)
                .allMatch(id -> id.startsWith("home@") || id.startsWith("api@")).hasSize(2);
    }

    @Test
    void aNewLeaderContinuesTheDecidedOutageAndItsSignals() {
        views.down("eu-1", home, T0);
        views.down("us-1", home, T0.plusSeconds(4));
        views.up("eu-1", db, T0);
        views.up("us-1", db, T0);
        ClusterStates previous = states(MAJORITY);
        Verdict down = previous.decide().get(0);
        views.up("eu-1", api, T0);
        views.down("us-1", api, T0.plusSeconds(6));
        List<AlertEvent> told = new ArrayList<>(down.events());
        told.addAll(events(previous.decide()));

        ClusterStates heir = states(MAJORITY);
        heir.restore(Map.of("home", down.changedState()), told);

        assertThat(events(heir.decide())).as("nothing new to say").isEmpty();
        views.up("us-1", home, T0.plusSeconds(28));
        views.up("eu-1", home, T0.plusSeconds(28));
        assertThat(events(heir.decide())).singleElement().satisfies(resolved -> {
            assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(resolved.incidentId()).isEqualTo(down.changedState().incidentId());
        });
    }

    @Test
    void withoutAClusterThereIsNothingToDecide() {
        views.down("local", home, T0);
        assertThat(new ClusterStates(ClusterConfig.NONE, RouteTesting.index(home, api, db), views, clock).decide()).isEmpty();
    }

    private ClusterStates states(ClusterConfig cluster) {
        return new ClusterStates(cluster, RouteTesting.index(home, api, db), views, clock);
    }

    private static List<AlertEvent> events(List<Verdict> verdicts) {
        return verdicts.stream().flatMap(verdict -> verdict.events().stream()).toList();
    }

    /** The location_view table, as the leader reads it. */
    private final class Views implements LocationViewRepository {

        private final Map<String, LocationView> rows = new java.util.LinkedHashMap<>();

        void up(String location, CheckConfig check, Instant since) {
            put(location, check, HealthState.UP, since, T0.plusSeconds(20));
        }

        void down(String location, CheckConfig check, Instant since) {
            put(location, check, HealthState.DOWN, since, T0.plusSeconds(20));
        }

        void put(String location, CheckConfig check, HealthState state, Instant since, Instant observedAt) {
            ProbeResult last = state == HealthState.DOWN
                    ? ProbeResult.of(check.id(), check.dependency(), observedAt.minusMillis(40))
                            .latency(Duration.ofMillis(40)).down(FailureClass.HTTP_5XX, "HTTP 500")
                    : ProbeResult.of(check.id(), check.dependency(), observedAt.minusMillis(40))
                            .latency(Duration.ofMillis(40)).up("HTTP 200");
            rows.put(location + "/" + check.id(), new LocationView(location, state, since,
                    state == HealthState.DOWN ? 3 : 0, state == HealthState.UP ? 2 : 0, last, observedAt));
        }

        @Override
        public void saveLater(LocationView view) {
            rows.put(view.location() + "/" + view.checkId(), view);
        }

        @Override
        public List<LocationView> all() {
            return List.copyOf(rows.values());
        }
    }
}
