package io.sentinel.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.alert.Decision;
import io.sentinel.alert.Notification;
import io.sentinel.alert.NotificationKeys;
import io.sentinel.alert.NotificationKind;
import io.sentinel.alert.outbox.OutboxEntry;
import io.sentinel.config.Severity;
import io.sentinel.model.FailureClass;
import io.sentinel.rules.CheckState;
import io.sentinel.model.HealthState;
import io.sentinel.rules.IncidentIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link DecisionLog} promises, on any database: one decision, one transaction, written once. */
abstract class DecisionLogContract extends StoreContract {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path spool;
    private DecisionLog log;

    @BeforeEach
    void openLog() {
        log = new DecisionLog(database, spool, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aDecisionStoresItsStateEventAndNotificationsTogether() throws Exception {
        Decision decision = down("supabase-db", NOW);

        List<OutboxEntry> added = log.commit(decision);

        assertThat(added).hasSize(2);
        assertThat(new CheckStateStore(database, Clock.systemUTC()).loadAll()).containsEntry("supabase-db", decision.state());
        assertThat(new AlertEventStore(database).recent(10)).containsExactlyElementsOf(decision.events());
        assertThat(new OutboxStore(database).unfinished()).extracting(OutboxEntry::key)
                .containsExactlyInAnyOrderElementsOf(added.stream().map(OutboxEntry::key).toList());
        assertThat(Files.exists(spool.resolve("decisions.spool.jsonl"))).isFalse();
    }

    @Test
    void theSameDecisionTwiceIsStoredOnceAndAnnouncesNothingNew() throws Exception {
        Decision decision = down("supabase-db", NOW);
        log.commit(decision);

        assertThat(log.commit(decision)).isEmpty();

        assertThat(DatabaseFixture.count(database.dataSource(), "alert_event")).isEqualTo(1);
        assertThat(DatabaseFixture.count(database.dataSource(), "notification")).isEqualTo(2);
    }

    /**
     * After an outage the decision spool and the outbox spool are copied back at once: the decision inserts its
     * notification while the outbox writes that it was delivered meanwhile. Both land, and the row says DELIVERED.
     */
    @Test
    void aDecisionAndItsDeliveryCopiedBackAtOnceLeaveTheNotificationDelivered() throws Exception {
        OutboxEntry pending = down("supabase-db", NOW).notifications().get(0);
        OutboxEntry delivered = pending.delivered(NOW.plusSeconds(1));

        try (Connection first = database.dataSource().getConnection()) {
            first.setAutoCommit(false);
            assertThat(OutboxStore.insertIfAbsent(first, pending)).isTrue();
            CompletableFuture<Void> second = CompletableFuture.runAsync(
                    () -> new OutboxStore(database).upsertAll(List.of(delivered)));
            Thread.sleep(300);
            first.commit();
            second.get(30, TimeUnit.SECONDS);
        }

        assertThat(new OutboxStore(database).unfinished()).extracting(OutboxEntry::key).doesNotContain(pending.key());
        assertThat(DatabaseFixture.count(database.dataSource(), "notification")).isEqualTo(1);
    }

    @Test
    void aStateFromAnEarlierProbeNeverReplacesALaterOne() {
        Decision later = down("hunter-account", NOW);
        Decision earlier = down("hunter-account", NOW.minusSeconds(60));
        log.commit(later);

        log.commit(earlier);

        assertThat(new CheckStateStore(database, Clock.systemUTC()).loadAll()).containsEntry("hunter-account", later.state());
    }

    @Test
    void aDecisionWithoutCheckStateStoresItsEvents() throws Exception {
        AlertEvent breaker = event(IncidentIds.forBreaker("hunter", NOW), null, "hunter", NOW);

        log.commit(new Decision(null, List.of(breaker), List.of()));

        assertThat(new AlertEventStore(database).recent(10)).containsExactly(breaker);
        assertThat(DatabaseFixture.count(database.dataSource(), "check_state")).isZero();
    }

    static Decision down(String checkId, Instant at) {
        String incident = IncidentIds.forCheck(checkId, at);
        CheckState state = new CheckState(checkId, HealthState.DOWN, at, 3, 0, 0, 3, at.plusMillis(250), incident);
        AlertEvent event = event(incident, checkId, "supabase", at);
        List<OutboxEntry> notifications = List.of("ops-slack", "log").stream()
                .map(channel -> OutboxEntry.pending(new Notification(NotificationKeys.alert(event, channel), channel,
                        NotificationKind.ALERT, event, java.util.Optional.empty(), "", at)))
                .toList();
        return new Decision(state, List.of(event), notifications);
    }

    private static AlertEvent event(String incident, String checkId, String dependency, Instant at) {
        return new AlertEvent(IncidentIds.event(incident, "FIRING", "DOWN", at), incident, AlertStatus.FIRING,
                Severity.CRITICAL, checkId, dependency, HealthState.DOWN, HealthState.UP, FailureClass.TIMEOUT,
                "3 failed probes in a row", null, at, at);
    }
}
