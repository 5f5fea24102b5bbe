package io.sentinel.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.alert.Decision;
import io.sentinel.config.Severity;
import io.sentinel.incident.AlertRole;
import io.sentinel.incident.FactKind;
import io.sentinel.incident.Incident;
import io.sentinel.incident.IncidentAlert;
import io.sentinel.incident.IncidentFact;
import io.sentinel.incident.IncidentState;
import io.sentinel.incident.IncidentUpdate;
import io.sentinel.rules.IncidentIds;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incidents are written with the decision that changed them, once, and read back the same on any database. */
abstract class IncidentStoreContract extends StoreContract {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123456Z");
    private static final String INCIDENT = IncidentIds.forDependency("supabase-db", NOW);

    @TempDir
    Path spool;
    private DecisionLog log;
    private IncidentStore store;

    @BeforeEach
    void open() {
        log = new DecisionLog(database, spool, Clock.fixed(NOW, ZoneOffset.UTC));
        store = new IncidentStore(database);
    }

    @Test
    void anIncidentIsWrittenInTheTransactionOfItsDecisionAndReadBackAsItWas() throws Exception {
        Decision down = DecisionLogContract.down("db-ping", NOW);
        String alertId = down.events().get(0).incidentId();
        Incident incident = Incident.opened(INCIDENT, "supabase-db", Severity.CRITICAL, "db-ping DOWN", NOW);
        IncidentAlert listed = new IncidentAlert(INCIDENT, alertId, AlertRole.OWN, "supabase-db", "db-ping", "db-ping",
                null, NOW);
        IncidentAlert held = new IncidentAlert(INCIDENT, "fn-export@x", AlertRole.DEPENDENT, "supabase-functions",
                "fn-export", "fn-export", "supabase-db", NOW.plusSeconds(5));
        IncidentFact opened = IncidentFact.of(INCIDENT, NOW, FactKind.OPENED, "db-ping", "opened by db-ping DOWN");

        log.commit(new Decision(down.state(), down.events(), down.notifications(),
                new IncidentUpdate(List.of(incident), List.of(listed, held), List.of(opened))));

        assertThat(store.find(INCIDENT)).contains(incident);
        assertThat(store.unclosed()).containsExactly(incident);
        assertThat(store.find(Optional.empty(), Optional.empty(), 10, 0)).containsExactly(incident);
        assertThat(store.listing(alertId)).containsExactly(incident);
        assertThat(store.alertsOf(List.of(INCIDENT))).containsExactly(listed, held);
        assertThat(store.factsOf(INCIDENT)).containsExactly(opened);
        assertThat(DatabaseFixture.count(database.dataSource(), "alert_event")).isEqualTo(1);
    }

    /** Two leaders for a moment (a failover) open the same incident at once: one row, and both transactions land. */
    @Test
    void twoWritersOpeningTheSameIncidentAtOnceKeepOneRow() throws Exception {
        Incident opened = Incident.opened(INCIDENT, "supabase-db", Severity.CRITICAL, "db-ping DOWN", NOW);
        Incident retitled = Incident.opened(INCIDENT, "supabase-db", Severity.CRITICAL, "db-ping and db-rest DOWN", NOW);

        try (Connection first = database.dataSource().getConnection()) {
            first.setAutoCommit(false);
            IncidentStore.write(first, new IncidentUpdate(List.of(opened), List.of(), List.of()));
            // the second writer finds no committed row and inserts while the first one's row is uncommitted
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
                try {
                    Transactions.inTransaction(database.dataSource(), connection -> {
                        IncidentStore.write(connection, new IncidentUpdate(List.of(retitled), List.of(), List.of()));
                        return null;
                    });
                } catch (SQLException error) {
                    throw new CompletionException(error);
                }
            });
            Thread.sleep(300);
            first.commit();
            second.get(30, TimeUnit.SECONDS);
        }

        assertThat(store.unclosed()).containsExactly(retitled);
    }

    @Test
    void aListShowsOpenIncidentsFirstThenTheMostRecentlyRecoveredFilteredAndPaged() {
        Incident open = Incident.opened(IncidentIds.forDependency("supabase-db", NOW), "supabase-db", Severity.CRITICAL,
                "db-ping DOWN", NOW);
        Incident recovered = Incident.opened(IncidentIds.forDependency("hunter", NOW.minusSeconds(1_000)), "hunter",
                Severity.HIGH, "hunter-account DOWN", NOW.minusSeconds(1_000)).recovered(NOW.plusSeconds(600));
        Incident closed = Incident.opened(IncidentIds.forDependency("vercel", NOW.minusSeconds(7_200)), "vercel",
                Severity.MEDIUM, "frontend-home DOWN", NOW.minusSeconds(7_200)).recovered(NOW.minusSeconds(3_600))
                .closed(NOW.minusSeconds(1_800));
        log.commit(new Decision(null, List.of(), List.of(),
                new IncidentUpdate(List.of(closed, recovered, open), List.of(), List.of())));

        assertThat(store.find(Optional.empty(), Optional.empty(), 10, 0)).containsExactly(open, recovered, closed);
        assertThat(store.find(Optional.of(true), Optional.empty(), 10, 0)).containsExactly(open);
        assertThat(store.find(Optional.of(false), Optional.empty(), 10, 0)).containsExactly(recovered, closed);
        assertThat(store.find(Optional.empty(), Optional.of(NOW.minusSeconds(100)), 10, 0))
                .as("open at some moment since then").containsExactly(open, recovered);
        assertThat(store.find(Optional.empty(), Optional.empty(), 1, 1)).containsExactly(recovered);
    }

    @Test
    void theSameDecisionTwiceWritesItsIncidentOnce() throws Exception {
        Decision decision = opening();
        log.commit(decision);

        log.commit(decision);

        assertThat(DatabaseFixture.count(database.dataSource(), "incident")).isEqualTo(1);
        assertThat(DatabaseFixture.count(database.dataSource(), "incident_alert")).isEqualTo(1);
        assertThat(DatabaseFixture.count(database.dataSource(), "incident_fact")).isEqualTo(1);
    }

    @Test
    void laterDecisionsMoveTheIncidentOnAndAClosedOneIsNoLongerContinued() {
        log.commit(opening());
        Incident recovered = Incident.opened(INCIDENT, "supabase-db", Severity.CRITICAL, "db-ping DOWN", NOW)
                .recovered(NOW.plusSeconds(600));
        log.commit(new Decision(null, List.of(), List.of(), new IncidentUpdate(List.of(recovered), List.of(), List.of())));
        assertThat(store.unclosed()).containsExactly(recovered);

        Incident closed = recovered.closed(NOW.plusSeconds(2_400));
        log.commit(new Decision(null, List.of(), List.of(), new IncidentUpdate(List.of(closed), List.of(),
                List.of(IncidentFact.of(INCIDENT, closed.closedAt(), FactKind.CONFIRMED_STABLE, "", "confirmed stable")))));

        assertThat(store.unclosed()).isEmpty();
        assertThat(store.find(INCIDENT)).contains(closed);
        assertThat(store.factsOf(INCIDENT)).extracting(IncidentFact::kind)
                .containsExactly(FactKind.OPENED, FactKind.CONFIRMED_STABLE);
        assertThat(store.find(INCIDENT).orElseThrow().state()).isEqualTo(IncidentState.CLOSED);
    }

    @Test
    void aDecisionSpooledWhileTheDatabaseIsDownKeepsItsIncidentChanges() {
        Decision decision = opening();
        DecisionCodec spooled = new DecisionCodec();

        Decision read = spooled.fromLine(spooled.toLine(decision));

        assertThat(read.incidents()).isEqualTo(decision.incidents());
    }

    private static Decision opening() {
        Decision down = DecisionLogContract.down("db-ping", NOW);
        String alertId = down.events().get(0).incidentId();
        return new Decision(down.state(), down.events(), down.notifications(), new IncidentUpdate(
                List.of(Incident.opened(INCIDENT, "supabase-db", Severity.CRITICAL, "db-ping DOWN", NOW)),
                List.of(new IncidentAlert(INCIDENT, alertId, AlertRole.OWN, "supabase-db", "db-ping", "db-ping", null, NOW)),
                List.of(IncidentFact.of(INCIDENT, NOW, FactKind.OPENED, "db-ping", "opened by db-ping DOWN"))));
    }
}
