package io.sentinel.incident;

import static io.sentinel.incident.IncidentEvents.breakerOpen;
import static io.sentinel.incident.IncidentEvents.down;
import static io.sentinel.incident.IncidentEvents.up;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One root cause, one message: what the tracker tells, holds and records, with event times chosen by the test. */
class IncidentTrackerTest {

    private static final Instant T0 = Instant.parse("2026-12-02T07:10:00Z");
    private static final Duration FUNCTION_GRACE = Duration.ofSeconds(90);

    private final Topology topology = new Topology(
            Map.of("supabase-functions", List.of("supabase-db", "supabase-auth")),
            Set.of("internet-a", "internet-b"),
            Map.of("fn-export", FUNCTION_GRACE, "fn-discover", FUNCTION_GRACE),
            Map.of());
    private final IncidentTracker tracker = new IncidentTracker(topology);
    private final List<IncidentUpdate> updates = new ArrayList<>();

    @Test
    void aChecksAlertOpensItsDependencysIncidentAndIsTold() {
        AlertEvent db = down("db-ping", "supabase-db", T0);
        AlertEvent replica = down("db-replica", "supabase-db", T0.plusSeconds(20));

        Correlation first = correlate(db);
        Correlation second = correlate(replica);

        assertThat(told(first)).containsExactly(db);
        assertThat(told(second)).containsExactly(replica);
        assertThat(first.update().incidents()).singleElement().satisfies(incident -> {
            assertThat(incident.id()).isEqualTo("incident:supabase-db@20261202T071000.000Z");
            assertThat(incident.state()).isEqualTo(IncidentState.OPEN);
            assertThat(incident.title()).isEqualTo("db-ping DOWN");
        });
        assertThat(second.update().alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.incidentId()).isEqualTo("incident:supabase-db@20261202T071000.000Z");
            assertThat(alert.role()).isEqualTo(AlertRole.OWN);
        });
        assertThat(facts(FactKind.OPENED)).singleElement().asString().contains("opened by db-ping DOWN (HTTP_5XX)");
    }

    @Test
    void aBreakerOpeningBecauseItsChecksFailedJoinsTheirIncidentAndIsNeverToldOnItsOwn() {
        AlertEvent check = down("places-search", "google-places", T0);
        AlertEvent breaker = breakerOpen("google-places", T0);

        Correlation opening = correlate(List.of(check, breaker));
        boolean breakerTold = tracker.isTold(breaker.incidentId());
        Correlation closing = correlate(up(breaker, T0.plusSeconds(120)));

        assertThat(told(opening)).containsExactly(check);
        assertThat(opening.events()).containsExactly(check, breaker);
        assertThat(opening.update().alerts()).extracting(IncidentAlert::role).containsExactly(AlertRole.OWN, AlertRole.BREAKER);
        assertThat(opening.update().facts()).extracting(IncidentFact::kind).contains(FactKind.BREAKER_JOINED);
        assertThat(breakerTold).isFalse();
        assertThat(told(closing)).as("its re-enabling is not told either").isEmpty();
    }

    @Test
    void aBreakerWhoseCheckGoesDownAMomentLaterJoinsItsIncidentToo() {
        AlertEvent breaker = breakerOpen("google-places", T0);
        AlertEvent check = down("places-search", "google-places", T0.plusMillis(40));

        Correlation opening = correlate(breaker);
        Correlation checkDown = correlate(check);

        assertThat(told(opening)).isEmpty();
        assertThat(told(checkDown)).containsExactly(check);
        assertThat(checkDown.update().alerts()).extracting(IncidentAlert::role).containsExactly(AlertRole.OWN, AlertRole.BREAKER);
        assertThat(tracker.due(T0.plusSeconds(10)).notices()).isEmpty();
    }

    @Test
    void aBreakerOpeningWithNoCheckOfItsDependencyDownAlertsOnItsOwn() {
        AlertEvent breaker = breakerOpen("hunter", T0);

        Correlation opening = correlate(breaker);
        boolean toldAtOnce = tracker.isTold(breaker.incidentId());
        Correlation waited = tracker.due(T0.plus(IncidentTracker.BREAKER_JOIN_WAIT));

        assertThat(told(opening)).as("it waits a moment for its checks").isEmpty();
        assertThat(toldAtOnce).isFalse();
        assertThat(told(waited)).containsExactly(breaker);
        assertThat(waited.update().incidents()).singleElement()
                .satisfies(incident -> assertThat(incident.title()).isEqualTo("hunter breaker DOWN"));
        assertThat(tracker.isTold(breaker.incidentId())).isTrue();
    }

    @Test
    void anOperatorDisablingADependencyIsToldAtOnceEvenDuringItsOutage() {
        correlate(down("hunter-account", "hunter", T0));
        AlertEvent forced = IncidentEvents.operatorForcedOpen("hunter", T0.plusSeconds(30));

        Correlation action = correlate(forced);

        assertThat(told(action)).containsExactly(forced);
        assertThat(action.update().alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.role()).isEqualTo(AlertRole.OWN);
            assertThat(alert.incidentId()).isEqualTo("incident:hunter@20261202T071000.000Z");
        });
    }

    @Test
    void aBreakerWaitingWhenSentinelStoppedIsToldAfterTheRestart() {
        AlertEvent breaker = breakerOpen("hunter", T0);
        correlate(breaker);
        IncidentTracker restarted = new IncidentTracker(topology);

        restarted.restoreWaiting(List.of(breaker));

        assertThat(told(restarted.due(T0.plusSeconds(30)))).containsExactly(breaker);
    }

    @Test
    void whileAParentIsDownItsChildrensAlertsAreHeldAndListedInTheParentsIncident() {
        AlertEvent db = down("db-ping", "supabase-db", T0);
        correlate(db);
        List<AlertEvent> functions = List.of(down("fn-export", "supabase-functions", T0.plusSeconds(5)),
                down("fn-discover", "supabase-functions", T0.plusSeconds(6)));

        Correlation held = correlate(functions);
        Correlation dbBack = correlate(up(db, T0.plusSeconds(300)));
        Correlation functionsBack = tracker.correlate(functions.stream().map(fn -> up(fn, T0.plusSeconds(330))).toList());

        assertThat(told(held)).isEmpty();
        assertThat(held.update().alerts()).allSatisfy(alert -> {
            assertThat(alert.role()).isEqualTo(AlertRole.DEPENDENT);
            assertThat(alert.incidentId()).isEqualTo("incident:supabase-db@20261202T071000.000Z");
            assertThat(alert.heldBy()).isEqualTo("supabase-db");
        });
        assertThat(facts(FactKind.DEPENDENT_HELD)).hasSize(2).first().asString()
                .contains("fn-export DOWN while supabase-db (which supabase-functions depends on) is DOWN: held");
        assertThat(dbBack.notices()).singleElement().satisfies(notice ->
                assertThat(notice.note()).startsWith("2 dependent checks affected"));
        assertThat(told(functionsBack)).as("recovered with their parent: never told").isEmpty();
        assertThat(tracker.due(T0.plusSeconds(3_600)).notices()).isEmpty();
    }

    @Test
    void aHeldAlertStillFiringAfterItsParentRecoveredIsReleasedInItsOwnIncident() {
        AlertEvent db = down("db-ping", "supabase-db", T0);
        correlate(db);
        AlertEvent function = down("fn-export", "supabase-functions", T0.plusSeconds(5));
        correlate(function);
        Instant dbBack = T0.plusSeconds(300);
        correlate(up(db, dbBack));

        assertThat(tracker.due(dbBack.plus(FUNCTION_GRACE).minusMillis(1)).notices()).as("not before its grace").isEmpty();
        Correlation released = tracker.due(dbBack.plus(FUNCTION_GRACE));
        Correlation functionBack = correlate(up(function, dbBack.plusSeconds(600)));

        assertThat(released.notices()).singleElement().satisfies(notice -> {
            assertThat(notice.event()).isEqualTo(function);
            assertThat(notice.note()).isEqualTo("held while supabase-db was DOWN; still DOWN 1m30s after it recovered");
        });
        assertThat(released.update().alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.role()).isEqualTo(AlertRole.OWN);
            assertThat(alert.incidentId()).isEqualTo("incident:supabase-functions@20261202T071005.000Z");
        });
        assertThat(released.update().facts()).extracting(IncidentFact::kind)
                .containsExactly(FactKind.DEPENDENT_RELEASED, FactKind.OPENED);
        assertThat(tracker.isTold(function.incidentId())).isTrue();
        assertThat(told(functionBack)).hasSize(1);
    }

    @Test
    void aChildStaysHeldWhileAnotherOfItsParentsIsStillDown() {
        AlertEvent db = down("db-ping", "supabase-db", T0);
        AlertEvent auth = down("auth-health", "supabase-auth", T0.plusSeconds(1));
        tracker.correlate(List.of(db, auth));
        correlate(down("fn-export", "supabase-functions", T0.plusSeconds(5)));

        correlate(up(db, T0.plusSeconds(300)));

        assertThat(tracker.due(T0.plusSeconds(3_000)).notices()).isEmpty();
    }

    @Test
    void anIncidentRecoversIsReopenedByARecurrenceAndIsConfirmedStableAfterThirtyQuietMinutes() {
        AlertEvent first = down("db-ping", "supabase-db", T0);
        correlate(first);
        Instant recovered = T0.plusSeconds(600);
        Correlation recovery = correlate(up(first, recovered));
        AlertEvent again = down("db-ping", "supabase-db", recovered.plus(Duration.ofMinutes(10)));
        Correlation recurrence = correlate(again);
        Instant recoveredAgain = again.at().plusSeconds(60);
        correlate(up(again, recoveredAgain));

        assertThat(recovery.update().incidents()).singleElement().satisfies(incident -> {
            assertThat(incident.state()).isEqualTo(IncidentState.RECOVERED);
            assertThat(incident.recoveredAt()).isEqualTo(recovered);
        });
        assertThat(recurrence.update().incidents()).singleElement().satisfies(incident -> {
            assertThat(incident.id()).as("the same incident goes on").isEqualTo("incident:supabase-db@20261202T071000.000Z");
            assertThat(incident.state()).isEqualTo(IncidentState.OPEN);
        });
        assertThat(facts(FactKind.REOPENED)).singleElement().asString().contains("10m after the recovery");
        assertThat(tracker.due(recoveredAgain.plus(Duration.ofMinutes(30)).minusMillis(1)).isEmpty()).isTrue();

        Correlation stable = tracker.due(recoveredAgain.plus(Duration.ofMinutes(45)));
        assertThat(stable.update().incidents()).singleElement().satisfies(incident -> {
            assertThat(incident.state()).isEqualTo(IncidentState.CLOSED);
            assertThat(incident.closedAt()).as("when it became a fact, not when it was noticed")
                    .isEqualTo(recoveredAgain.plus(Duration.ofMinutes(30)));
        });
        assertThat(stable.update().facts()).extracting(IncidentFact::kind).containsExactly(FactKind.CONFIRMED_STABLE);

        AlertEvent later = down("db-ping", "supabase-db", T0.plus(Duration.ofHours(5)));
        assertThat(correlate(later).update().incidents()).singleElement()
                .satisfies(incident -> assertThat(incident.id()).isEqualTo("incident:supabase-db@20261202T121000.000Z"));
    }

    @Test
    void whenEveryConnectivityCheckFailsOneSentinelLostConnectivityAlertIsToldAndResolvedWhenOneIsBack() {
        AlertEvent a = down("internet-a", "internet", T0);
        AlertEvent b = down("internet-b", "internet", T0.plusSeconds(10));

        Correlation firstDown = correlate(a);
        Correlation allDown = correlate(b);
        Correlation oneBack = correlate(up(a, T0.plusSeconds(200)));

        assertThat(told(firstDown)).as("one endpoint down is not Sentinel's network").isEmpty();
        assertThat(told(allDown)).singleElement().satisfies(lost -> {
            assertThat(lost.isAboutConnectivity()).isTrue();
            assertThat(lost.subject()).isEqualTo("Sentinel connectivity");
            assertThat(lost.incidentId()).isEqualTo("connectivity@20261202T071010.000Z");
            assertThat(lost.reason()).startsWith("Sentinel lost connectivity: all 2 connectivity check(s) fail"
                    + " (internet-a HTTP_5XX, internet-b HTTP_5XX)");
        });
        assertThat(allDown.events()).as("the new alert is recorded with the event that caused it").hasSize(2);
        assertThat(told(oneBack)).singleElement().satisfies(back -> {
            assertThat(back.status()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(back.reason()).startsWith("Sentinel has connectivity again (internet-a answers) after 3m10s");
        });
    }

    @Test
    void theSameEventsMakeTheSameIdsWhateverTrackerDecidesThem() {
        IncidentTracker other = new IncidentTracker(topology);
        List<AlertEvent> events = List.of(down("db-ping", "supabase-db", T0), breakerOpen("supabase-db", T0),
                down("fn-export", "supabase-functions", T0.plusSeconds(3)));

        assertThat(other.correlate(events)).isEqualTo(tracker.correlate(events));
    }

    @Test
    void aRestartedTrackerContinuesTheOpenIncidentsAsTheyWere() {
        AlertEvent db = down("db-ping", "supabase-db", T0);
        AlertEvent breaker = breakerOpen("supabase-db", T0);
        AlertEvent function = down("fn-export", "supabase-functions", T0.plusSeconds(5));
        correlate(List.of(db, breaker));
        correlate(function);
        IncidentTracker restarted = new IncidentTracker(topology);
        List<AlertEvent> recorded = List.of(db, breaker, function);

        restarted.restore(updates.stream().flatMap(update -> update.incidents().stream()).distinct().toList(),
                updates.stream().flatMap(update -> update.alerts().stream()).toList(),
                alertId -> recorded.stream().filter(event -> event.incidentId().equals(alertId)).toList(), T0.plusSeconds(60));

        assertThat(restarted.isTold(db.incidentId())).isTrue();
        assertThat(restarted.isTold(breaker.incidentId())).isFalse();
        assertThat(restarted.isTold(function.incidentId())).isFalse();
        Correlation dbBack = restarted.correlate(List.of(up(breaker, T0.plusSeconds(299)), up(db, T0.plusSeconds(300))));
        assertThat(dbBack.notices()).singleElement().satisfies(notice ->
                assertThat(notice.note()).startsWith("1 dependent check affected"));
        assertThat(restarted.due(T0.plusSeconds(300).plus(FUNCTION_GRACE)).notices()).extracting(Correlation.Notice::event)
                .containsExactly(function);
    }

    private Correlation correlate(AlertEvent event) {
        return correlate(List.of(event));
    }

    private Correlation correlate(List<AlertEvent> events) {
        Correlation correlation = tracker.correlate(events);
        updates.add(correlation.update());
        return correlation;
    }

    private List<String> facts(FactKind kind) {
        return updates.stream().flatMap(update -> update.facts().stream()).filter(fact -> fact.kind() == kind)
                .map(IncidentFact::text).toList();
    }

    private static List<AlertEvent> told(Correlation correlation) {
        return correlation.notices().stream().map(Correlation.Notice::event).toList();
    }
}
