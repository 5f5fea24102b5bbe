package io.sentinel.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.alert.outbox.DeliveryState;
import io.sentinel.alert.outbox.Outbox;
import io.sentinel.alert.outbox.OutboxEntry;
import io.sentinel.alert.outbox.OutboxRepository;
import io.sentinel.config.Severity;
import io.sentinel.store.Database;
import io.sentinel.store.OutboxStore;
import io.sentinel.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox keeps every notification through a database outage and a restart, and catches the table up. */
class OutboxTest {

    @TempDir
    Path directory;

    private Database database;
    private SwitchableRepository repository;
    private final Instant now = Instant.parse("2026-11-26T10:00:00Z");

    @BeforeEach
    void open() {
        database = AlertTesting.h2(directory);
        repository = new SwitchableRepository(new OutboxStore(database));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void whileTheDatabaseIsDownNotificationsAreSpooledAndStillDeliverable() {
        Outbox outbox = new Outbox(repository, directory.resolve("spool"));
        repository.down = true;

        assertThat(outbox.add(entry("inc-1/FIRING-DOWN/slack"))).isTrue();

        assertThat(outbox.unfinishedFor("slack")).extracting(OutboxEntry::key).containsExactly("inc-1/FIRING-DOWN/slack");
        assertThat(Files.exists(directory.resolve("spool/outbox.spool.jsonl"))).isTrue();
    }

    @Test
    void aRestartDuringTheOutageContinuesFromTheSpoolAndTheTableCatchesUpLater() {
        Outbox before = new Outbox(repository, directory.resolve("spool"));
        repository.down = true;
        before.add(entry("inc-2/FIRING-DOWN/slack"));
        OutboxEntry first = entry("inc-2/FIRING-DOWN/email");
        before.add(first);
        before.update(first.delivered(now.plusSeconds(1)));

        Outbox after = new Outbox(repository, directory.resolve("spool"));
        after.load(java.util.List.of());
        assertThat(after.unfinished()).extracting(OutboxEntry::key).containsExactly("inc-2/FIRING-DOWN/slack");

        repository.down = false;
        after.start();
        assertThat(after.flush(Duration.ofSeconds(60))).as("the spool is copied to the table").isTrue();
        after.close();

        assertThat(Files.exists(directory.resolve("spool/outbox.spool.jsonl"))).isFalse();
        assertThat(new OutboxStore(database).forIncident("inc-2"))
                .extracting(entry -> entry.channelId() + " " + entry.state())
                .containsExactlyInAnyOrder("slack PENDING", "email DELIVERED");
    }

    @Test
    void unfinishedNotificationsSurviveARestartWithTheDatabaseUp() {
        Outbox before = new Outbox(repository, directory.resolve("spool"));
        before.add(entry("inc-3/FIRING-DOWN/slack"));
        OutboxEntry sent = entry("inc-3/FIRING-DOWN/log");
        before.add(sent);
        before.update(sent.delivered(now));

        Outbox after = new Outbox(repository, directory.resolve("spool"));
        after.load(java.util.List.of());

        assertThat(after.unfinished()).singleElement().satisfies(entry -> {
            assertThat(entry.key()).isEqualTo("inc-3/FIRING-DOWN/slack");
            assertThat(entry.state()).isEqualTo(DeliveryState.PENDING);
        });
        assertThat(after.add(entry("inc-3/FIRING-DOWN/log"))).as("already delivered: the key is taken").isFalse();
    }

    private OutboxEntry entry(String key) {
        String channel = key.substring(key.lastIndexOf('/') + 1);
        return OutboxEntry.pending(AlertTesting.notification(key, channel,
                AlertTesting.firing(key.substring(0, key.indexOf('/')), "db-ping", Severity.CRITICAL, now)));
    }

    /** The real table, made unreachable on demand. */
    private static final class SwitchableRepository implements OutboxRepository {
        private final OutboxRepository real;
        private volatile boolean down;

        SwitchableRepository(OutboxRepository real) {
            this.real = real;
        }

        private void check() {
            if (down) {
                throw new StoreException("Connection refused");
            }
        }

        @Override
        public boolean insertIfAbsent(OutboxEntry entry) {
            check();
            return real.insertIfAbsent(entry);
        }

        @Override
        public void upsert(OutboxEntry entry) {
            check();
            real.upsert(entry);
        }

        @Override
        public void upsertAll(List<OutboxEntry> entries) {
            check();
            real.upsertAll(entries);
        }

        @Override
        public List<OutboxEntry> unfinished() {
            check();
            return real.unfinished();
        }

        @Override
        public List<OutboxEntry> forIncident(String incidentId) {
            check();
            return real.forIncident(incidentId);
        }
    }
}
