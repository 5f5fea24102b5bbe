package io.sentinel.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sentinel.rules.CheckState;
import io.sentinel.model.HealthState;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link CheckStateStore} promises, on any database. */
abstract class CheckStateStoreContract extends StoreContract {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration GENEROUS = Duration.ofSeconds(60);

    private CheckStateStore store;

    @BeforeEach
    void openStore() {
        store = new CheckStateStore(database, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aSavedStateLoadsBackWithEveryField() {
        CheckState down = new CheckState("supabase-db", HealthState.DOWN, NOW.minusSeconds(90), 3, 0, 0, 3,
                NOW.minusSeconds(5), "inc-42");

        store.saveLater(down);

        assertThat(store.flush(GENEROUS)).isTrue();
        assertThat(store.loadAll()).containsExactlyEntriesOf(Map.of("supabase-db", down));
        assertThat(store.pending()).isZero();
    }

    @Test
    void savingACheckTwiceKeepsOneRowWithTheLatestValues() throws Exception {
        CheckState first = new CheckState("hunter-account", HealthState.UP, NOW.minusSeconds(600), 0, 7, 7, 0,
                NOW.minusSeconds(60), null);
        CheckState second = new CheckState("hunter-account", HealthState.DEGRADED, NOW.minusSeconds(30), 0, 0, 1, 1,
                NOW.minusSeconds(30), "inc-7");

        store.saveLater(first);
        assertThat(store.flush(GENEROUS)).isTrue();
        store.saveLater(second);
        assertThat(store.flush(GENEROUS)).isTrue();

        assertThat(store.loadAll()).containsOnlyKeys("hunter-account").containsEntry("hunter-account", second);
        assertThat(DatabaseFixture.count(database.dataSource(), "check_state")).isEqualTo(1);
    }

    /**
     * The streak writer and a decision both save a check seen for the first time: each finds no row and inserts
     * one. The second insert meets the first one's key, and the newer state must still land, in the second
     * writer's transaction, which must stay usable for the rest of its decision.
     */
    @Test
    void twoWritersSavingANewCheckAtOnceKeepOneRowWithTheNewerState() throws Exception {
        CheckState older = new CheckState("places-search", HealthState.UNKNOWN, null, 1, 0, 0, 1,
                NOW.minusSeconds(2), null);
        CheckState newer = new CheckState("places-search", HealthState.DOWN, NOW.minusSeconds(2), 3, 0, 0, 3,
                NOW, "places-search@1");

        try (Connection first = database.dataSource().getConnection()) {
            first.setAutoCommit(false);
            CheckStateTable.upsert(first, older, NOW);
            // the second writer finds no committed row and inserts while the first one's row is uncommitted
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> {
                try {
                    return Transactions.inTransaction(database.dataSource(), connection -> {
                        CheckStateTable.upsert(connection, newer, NOW);
                        try (var statement = connection.createStatement();
                             var rows = statement.executeQuery("SELECT COUNT(*) FROM check_state")) {
                            rows.next();
                            return rows.getInt(1);
                        }
                    });
                } catch (SQLException error) {
                    throw new CompletionException(error);
                }
            });
            Thread.sleep(300);
            first.commit();
            assertThat(second.get(30, TimeUnit.SECONDS)).as("the transaction goes on after the refused insert")
                    .isEqualTo(1);
        }

        assertThat(store.loadAll()).containsOnlyKeys("places-search").containsEntry("places-search", newer);
    }

    @Test
    void anUnknownStateWithNoTimesRoundTrips() {
        CheckState unknown = CheckState.unknown("cobalt-search");

        store.saveLater(unknown);
        assertThat(store.flush(GENEROUS)).isTrue();

        assertThat(store.loadAll()).containsEntry("cobalt-search", unknown);
    }

    @Test
    void savedLaterStatesAreWrittenByTheBackgroundFlushLatestFirst() {
        for (int successes = 1; successes <= 5; successes++) {
            store.saveLater(new CheckState("neverbounce-account", HealthState.UP, NOW, 0, successes, successes, 0,
                    NOW.plusSeconds(successes), null));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(store.pending()).isZero();
            assertThat(DatabaseFixture.count(database.dataSource(), "check_state")).isEqualTo(1);
        });
        assertThat(store.loadAll().get("neverbounce-account").consecutiveSuccesses()).isEqualTo(5);
    }
}
