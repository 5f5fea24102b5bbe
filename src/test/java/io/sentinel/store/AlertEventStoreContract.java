package io.sentinel.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.config.Severity;
import io.sentinel.model.FailureClass;
import io.sentinel.model.HealthState;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link AlertEventStore} promises, on any database. */
abstract class AlertEventStoreContract extends StoreContract {

    private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

    private AlertEventStore store;

    @BeforeEach
    void openStore() {
        store = new AlertEventStore(database);
    }

    @Test
    void aFiringEventReadsBackAsItWasSaved() {
        AlertEvent firing = firing("evt-1", "supabase-db", START.plusSeconds(60));

        store.save(firing);

        assertThat(store.recent(10)).containsExactly(firing);
    }

    @Test
    void aResolvedEventWithoutFailureClassRoundTrips() {
        AlertEvent resolved = new AlertEvent("evt-2", "inc-1", AlertStatus.RESOLVED, Severity.HIGH, "hunter-account",
                "hunter", HealthState.UP, HealthState.DOWN, null, "recovered after 12 minutes", null, START,
                START.plusSeconds(720));

        store.save(resolved);

        assertThat(store.recent(10)).containsExactly(resolved);
    }

    @Test
    void savingTheSameEventTwiceKeepsOneRow() throws Exception {
        AlertEvent firing = firing("evt-3", "supabase-db", START);

        store.save(firing);
        store.save(firing);

        assertThat(store.recent(10)).containsExactly(firing);
        assertThat(DatabaseFixture.count(database.dataSource(), "alert_event")).isEqualTo(1);
    }

    @Test
    void recentIsNewestFirstAcrossChecksAndStopsAtTheLimit() {
        store.save(firing("evt-a", "supabase-db", START.plusSeconds(10)));
        store.save(firing("evt-b", "hunter-account", START.plusSeconds(30)));
        store.save(firing("evt-c", "supabase-db", START.plusSeconds(20)));

        assertThat(store.recent(2)).extracting(AlertEvent::id).containsExactly("evt-b", "evt-c");
    }

    @Test
    void forCheckHasOnlyThatChecksEventsNewestFirst() {
        store.save(firing("evt-a", "supabase-db", START.plusSeconds(10)));
        store.save(firing("evt-b", "hunter-account", START.plusSeconds(30)));
        store.save(firing("evt-c", "supabase-db", START.plusSeconds(20)));

        assertThat(store.forCheck("supabase-db", 10)).extracting(AlertEvent::id).containsExactly("evt-c", "evt-a");
        assertThat(store.forCheck("supabase-db", 1)).extracting(AlertEvent::id).containsExactly("evt-c");
    }

    private static AlertEvent firing(String id, String checkId, Instant at) {
        return new AlertEvent(id, "inc-1", AlertStatus.FIRING, Severity.CRITICAL, checkId, "supabase",
                HealthState.DOWN, HealthState.UP, FailureClass.TIMEOUT, "3 probes in a row timed out — ünïcödé ✓",
                java.time.Duration.ofMillis(10_000), START, at);
    }
}
