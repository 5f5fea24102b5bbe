package io.sentinel.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.cluster.ClusterMember;
import io.sentinel.cluster.LocationView;
import io.sentinel.model.HealthState;
import io.sentinel.probe.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the cluster's tables promise, on any database: each location's views, and who is alive. */
abstract class ClusterStoreContract extends StoreContract {

    private static final Duration GENEROUS = Duration.ofSeconds(60);

    @Test
    void theLatestViewOfEachLocationAndCheckIsKept() {
        try (LocationViewStore views = new LocationViewStore(database, Clock.systemUTC())) {
            views.saveLater(new LocationView("eu-1", HealthState.UP, TestResults.T0, 0, 3,
                    TestResults.upAt("home", TestResults.T0), TestResults.T0));
            views.saveLater(new LocationView("us-1", HealthState.DOWN, TestResults.T0.plusSeconds(5), 3, 0,
                    TestResults.downAt("home", TestResults.T0.plusSeconds(5)), TestResults.T0.plusSeconds(5)));
            assertThat(views.flush(GENEROUS)).isTrue();
            views.saveLater(new LocationView("eu-1", HealthState.DOWN, TestResults.T0.plusSeconds(10), 3, 0,
                    TestResults.downAt("home", TestResults.T0.plusSeconds(10)), TestResults.T0.plusSeconds(10)));
            assertThat(views.flush(GENEROUS)).isTrue();

            List<LocationView> all = views.all();

            assertThat(all).extracting(LocationView::location).containsExactly("eu-1", "us-1");
            assertThat(all).allSatisfy(view -> assertThat(view.seesDown()).isTrue());
            LocationView europe = all.get(0);
            assertThat(europe.since()).isEqualTo(TestResults.T0.plusSeconds(10));
            assertThat(europe.consecutiveFailures()).isEqualTo(3);
            assertThat(europe.lastResult().outcome()).isEqualTo(Outcome.DOWN);
            assertThat(europe.lastResult().failureClass()).isNotNull();
            assertThat(europe.lastResult().dependency()).isEqualTo("supabase-db");
            assertThat(europe.isReportingSince(TestResults.T0.plusSeconds(10))).isTrue();
            assertThat(europe.isReportingSince(TestResults.T0.plusSeconds(11))).isFalse();
        }
    }

    @Test
    void membersAreThoseSeenRecentlyAndEachAnnouncementReplacesTheLast() {
        ClusterMemberStore members = new ClusterMemberStore(database);
        members.announce(new ClusterMember("a", "eu-1", "http://eu:8080", false, TestResults.T0, TestResults.T0));
        members.announce(new ClusterMember("b", "us-1", "http://us:8080", false, TestResults.T0,
                TestResults.T0.plusSeconds(1)));
        members.announce(new ClusterMember("a", "eu-1", "http://eu:8080", true, TestResults.T0,
                TestResults.T0.plusSeconds(20)));

        assertThat(members.seenSince(TestResults.T0.plusSeconds(10))).singleElement()
                .satisfies(member -> assertThat(member.leader()).isTrue())
                .satisfies(member -> assertThat(member.location()).isEqualTo("eu-1"));
        assertThat(members.seenSince(TestResults.T0)).extracting(ClusterMember::memberId).containsExactly("a", "b");
    }
}
