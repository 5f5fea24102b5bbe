package io.sentinel.store;

import static io.sentinel.store.IncidentScenario.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.config.Severity;
import io.sentinel.incident.AlertRole;
import io.sentinel.incident.IncidentAlert;
import io.sentinel.incident.IncidentUpdate;
import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.model.FailureClass;
import io.sentinel.model.HealthState;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeResult;
import io.sentinel.report.incident.FailedProbes;
import io.sentinel.report.incident.IncidentQuery;
import io.sentinel.report.incident.IncidentSummary;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link IncidentReportStore} promises, on any database: lists worked out from every stored event, filtered and paged. */
abstract class IncidentReportStoreContract extends StoreContract {

    private IncidentReportStore store;

    @BeforeEach
    void storeThreeIncidents() {
        store = new IncidentReportStore(database);
        AlertEventStore events = new AlertEventStore(database);
        events.save(event("a@1", "a", "db", AlertStatus.FIRING, at("09:00:00"), at("09:00:00")));
        events.save(event("a@1", "a", "db", AlertStatus.RESOLVED, at("09:00:00"), at("09:30:00")));
        events.save(event("b@1", "b", "db", AlertStatus.FIRING, at("10:00:00"), at("10:00:00")));
        events.save(event("breaker:web@1", null, "web", AlertStatus.FIRING, at("06:59:00"), at("07:00:00")));
        events.save(event("breaker:web@1", null, "web", AlertStatus.RESOLVED, at("06:59:00"), at("08:00:00")));
    }

    @Test
    void everyIncidentNewestActivityFirstWithWhatItIsAboutAndWhereItStands() {
        List<IncidentSummary> all = store.find(query(Optional.empty(), Optional.empty(), 50, 0));

        assertThat(all).extracting(IncidentSummary::id).containsExactly("b@1", "a@1", "breaker:web@1");
        assertThat(all.get(1)).isEqualTo(new IncidentSummary("a@1", "a", "db", Severity.CRITICAL, false, at("09:00:00"),
                at("09:30:00"), 2));
        assertThat(all.get(2).subject()).isEqualTo("web breaker");
        assertThat(all.get(2).startedAt()).isEqualTo(at("06:59:00"));
        assertThat(all.get(0).open()).isTrue();
        assertThat(all.get(0).resolvedAt()).isEmpty();
    }

    @Test
    void openAndClosedAreDecidedByTheNewestEvent() {
        assertThat(store.find(query(Optional.of(true), Optional.empty(), 50, 0))).extracting(IncidentSummary::id)
                .containsExactly("b@1");
        assertThat(store.find(query(Optional.of(false), Optional.empty(), 50, 0))).extracting(IncidentSummary::id)
                .containsExactly("a@1", "breaker:web@1");
    }

    @Test
    void sinceKeepsTheOpenOnesAndThoseResolvedSinceThen() {
        assertThat(store.find(query(Optional.empty(), Optional.of(at("08:30:00")), 50, 0)))
                .extracting(IncidentSummary::id).containsExactly("b@1", "a@1");
        assertThat(store.find(query(Optional.of(false), Optional.of(at("09:30:00")), 50, 0)))
                .extracting(IncidentSummary::id).containsExactly("a@1");
    }

    @Test
    void anOutageOfADependencyHasTheEventsOfEveryAlertListedInIt() throws Exception {
        String outage = "incident:db@20260301T090000.000Z";
        try (java.sql.Connection connection = database.dataSource().getConnection()) {
            IncidentStore.write(connection, new IncidentUpdate(List.of(), List.of(
                    new IncidentAlert(outage, "a@1", AlertRole.OWN, "db", "a", "a", null, at("09:00:00")),
                    new IncidentAlert(outage, "breaker:web@1", AlertRole.DEPENDENT, "web", null, "web breaker", "db",
                            at("09:00:01"))), List.of()));
        }

        assertThat(store.events(outage)).extracting(AlertEvent::incidentId, AlertEvent::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("breaker:web@1", AlertStatus.FIRING),
                org.assertj.core.groups.Tuple.tuple("breaker:web@1", AlertStatus.RESOLVED),
                org.assertj.core.groups.Tuple.tuple("a@1", AlertStatus.FIRING),
                org.assertj.core.groups.Tuple.tuple("a@1", AlertStatus.RESOLVED));
        assertThat(store.events("a@1")).as("an alert's own events only").hasSize(2);
    }

    @Test
    void pagesAreCutByLimitAndOffset() {
        assertThat(store.find(query(Optional.empty(), Optional.empty(), 1, 1))).extracting(IncidentSummary::id)
                .containsExactly("a@1");
        assertThat(store.find(query(Optional.empty(), Optional.empty(), 2, 2))).extracting(IncidentSummary::id)
                .containsExactly("breaker:web@1");
        assertThat(store.find(query(Optional.empty(), Optional.empty(), 5, 3))).isEmpty();
    }

    @Test
    void theFirstProblemProbeIsTheStartOfTheStreakNotOfAnEarlierOne() throws Exception {
        new ProbeResultTable(database.dataSource(), new ResultCodec()).insertAll(List.of(
                TestResults.downAt("a", at("08:50:00")),
                TestResults.upAt("a", at("08:55:00")),
                skipped("a", at("08:56:00")),
                TestResults.downAt("a", at("08:57:00")),
                TestResults.downAt("a", at("08:58:00")),
                TestResults.downAt("a", at("09:01:00"))).iterator());

        Optional<ProbeResult> first = store.firstProblemProbe("a", EnumSet.of(Outcome.DOWN), at("09:00:00"));

        assertThat(first).map(ProbeResult::startedAt).hasValue(at("08:57:00"));
        assertThat(store.firstProblemProbe("a", EnumSet.of(Outcome.DOWN), at("08:56:30"))).isEmpty();
        assertThat(store.firstProblemProbe("nothing", EnumSet.of(Outcome.DOWN), at("09:00:00"))).isEmpty();
    }

    @Test
    void failedProbesAreCountedByClassWithTheCostOfThePaidOnes() throws Exception {
        IncidentScenario.store(database);

        FailedProbes ofCheck = store.failedProbesOfCheck("places-search", at("09:11:00"), at("09:41:00"));
        FailedProbes ofDependency = store.failedProbesOfDependency("google-places", at("09:00:00"), at("09:12:00"));

        assertThat(ofCheck.byClass()).isEqualTo(Map.of(FailureClass.AUTH, 3L, FailureClass.TIMEOUT, 1L));
        assertThat(ofCheck.paidCalls()).isEqualTo(4);
        assertThat(ofCheck.paidCostUsd()).isCloseTo(0.128, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ofDependency.count()).isEqualTo(2);
        assertThat(store.failedProbesOfCheck("places-search", at("09:44:00"), at("10:00:00"))).isEqualTo(FailedProbes.NONE);
    }

    private static ProbeResult skipped(String check, Instant at) {
        return ProbeResult.of(check, "supabase-db", at).skipped("set DB_PASSWORD");
    }

    private static IncidentQuery query(Optional<Boolean> open, Optional<Instant> since, int limit, int offset) {
        return new IncidentQuery(open, since, limit, offset);
    }

    private static AlertEvent event(String incident, String check, String dependency, AlertStatus status, Instant since,
                                    Instant at) {
        return new AlertEvent(incident + "/" + status + "@" + at, incident, status, Severity.CRITICAL, check, dependency,
                status == AlertStatus.FIRING ? HealthState.DOWN : HealthState.UP,
                status == AlertStatus.FIRING ? HealthState.UP : HealthState.DOWN,
                status == AlertStatus.FIRING ? FailureClass.TIMEOUT : null, "reason", null, since, at);
    }
}
