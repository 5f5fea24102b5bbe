package io.sentinel.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sentinel.alert.ChannelSender;
import io.sentinel.alert.DeliveryOutcome;
import io.sentinel.alert.Notification;
import io.sentinel.alert.NotificationKind;
import io.sentinel.alert.dispatch.ChannelDispatcher;
import io.sentinel.alert.dispatch.DeliveryListener;
import io.sentinel.alert.dispatch.DispatcherLoop;
import io.sentinel.alert.dispatch.RetryPolicy;
import io.sentinel.alert.outbox.DeliveryState;
import io.sentinel.alert.outbox.Outbox;
import io.sentinel.alert.outbox.OutboxEntry;
import io.sentinel.config.Severity;
import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.model.FailureClass;
import io.sentinel.model.HealthState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances that both believe they lead (a partition, a leader that paused and came back) share one outbox
 * table in PostgreSQL: each notification is still sent once, because each send is claimed in the notification's
 * own row first.
 */
class PostgresSharedOutboxTest extends StoreContract {

    private static final Duration GENEROUS = Duration.ofSeconds(60);
    private static final String CHANNEL = "ops-slack";

    @TempDir
    Path spools;

    @Override
    protected DatabaseFixture createFixture() throws Exception {
        return new PostgresFixture();
    }

    @Test
    void twoLeadersSendingFromOneTableSendEachNotificationOnce() {
        OutboxStore table = new OutboxStore(database);
        List<OutboxEntry> pending = pending(40, Instant.now().minusSeconds(5));
        pending.forEach(table::insertIfAbsent);
        CountingChannel channel = new CountingChannel();

        try (Leader europe = new Leader(table, spools.resolve("eu"), "eu-1-a", channel);
             Leader america = new Leader(table, spools.resolve("us"), "us-1-b", channel)) {
            europe.outbox.load(List.of());
            america.outbox.load(List.of());
            assertThat(europe.outbox.unfinished()).hasSize(40);
            assertThat(america.outbox.unfinished()).hasSize(40);
            europe.start();
            america.start();

            await().atMost(GENEROUS).until(() -> table.unfinished().isEmpty());
        }

        assertThat(channel.sends).hasSize(40);
        assertThat(channel.sends.values()).allSatisfy(sends -> assertThat(sends.get()).isEqualTo(1));
        assertThat(channel.senders.values()).as("both instances sent some").containsOnlyOnce(Boolean.TRUE);
    }

    @Test
    void anInstanceWithAStaleCopyOfDeliveredNotificationsSendsNothingAndForgetsThem() {
        OutboxStore table = new OutboxStore(database);
        List<OutboxEntry> pending = pending(5, Instant.now().minusSeconds(5));
        pending.forEach(table::insertIfAbsent);
        Instant delivered = Instant.now();
        table.upsertAll(pending.stream().map(entry -> entry.delivered(delivered)).toList());
        CountingChannel channel = new CountingChannel();

        try (Leader stale = new Leader(table, spools.resolve("stale"), "eu-1-stale", channel)) {
            stale.outbox.load(pending);
            assertThat(stale.outbox.unfinished()).hasSize(5);
            stale.start();

            await().atMost(GENEROUS).until(() -> stale.outbox.unfinished().isEmpty());
            // what it still had in memory may not turn delivered rows back into ones to send
            stale.outbox.updateAll(pending.stream().map(entry -> entry.retryAt(Instant.now(), "stale")).toList());
        }

        assertThat(channel.sends).isEmpty();
        assertThat(table.unfinished()).isEmpty();
    }

    @Test
    void aClaimOfAnInstanceThatDiedMidSendHoldsUntilItsLeaseEnds() {
        OutboxStore table = new OutboxStore(database);
        OutboxEntry entry = pending(1, Instant.now()).get(0);
        table.insertIfAbsent(entry);
        Instant killedAt = entry.nextAttemptAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plusSeconds(1);

        assertThat(table.claim(List.of(entry), "dead", killedAt, killedAt.plus(Outbox.CLAIM_LEASE))).isEmpty();

        List<OutboxEntry> refused = table.claim(List.of(entry), "heir", killedAt.plusSeconds(10),
                killedAt.plusSeconds(10).plus(Outbox.CLAIM_LEASE));
        assertThat(refused).singleElement().satisfies(current -> {
            assertThat(current.state()).isEqualTo(DeliveryState.PENDING);
            assertThat(current.nextAttemptAt()).isEqualTo(killedAt.plus(Outbox.CLAIM_LEASE));
        });
        Instant leaseOver = killedAt.plus(Outbox.CLAIM_LEASE).plusMillis(1);
        assertThat(table.claim(List.of(entry), "heir", leaseOver, leaseOver.plus(Outbox.CLAIM_LEASE))).isEmpty();
    }

    @Test
    void anOutcomeRecordedByOneInstanceEndsItsClaimAndMakesTheAttemptTheNextOne() {
        OutboxStore table = new OutboxStore(database);
        OutboxEntry entry = pending(1, Instant.now()).get(0);
        table.insertIfAbsent(entry);
        Instant now = Instant.now();
        assertThat(table.claim(List.of(entry), "eu-1-a", now, now.plus(Outbox.CLAIM_LEASE))).isEmpty();
        OutboxEntry retried = entry.retryAt(now, "HTTP 503");
        table.upsert(retried);

        assertThat(table.claim(List.of(entry), "us-1-b", now, now.plus(Outbox.CLAIM_LEASE)))
                .as("the other instance knew attempt 0, which is over").singleElement()
                .satisfies(current -> assertThat(current.attempts()).isEqualTo(1));
        assertThat(table.claim(List.of(retried), "us-1-b", now, now.plus(Outbox.CLAIM_LEASE))).isEmpty();
    }

    private static List<OutboxEntry> pending(int count, Instant written) {
        List<OutboxEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String incident = "home-" + i + "@20261202T100000.000Z";
            AlertEvent event = new AlertEvent(incident + "/FIRING-DOWN@20261202T100000.000Z", incident,
                    AlertStatus.FIRING, Severity.CRITICAL, "home-" + i, "web", HealthState.DOWN, HealthState.UP,
                    FailureClass.HTTP_5XX, "HTTP 500", Duration.ofMillis(30), written, written);
            entries.add(OutboxEntry.pending(new Notification(incident + "/FIRING-DOWN/" + CHANNEL, CHANNEL,
                    NotificationKind.ALERT, event, Optional.empty(), "", written.plusMillis(i))));
        }
        return entries;
    }

    /** Slack as both instances reach it: takes everything, a little slowly, and counts who sent what. */
    private static final class CountingChannel implements ChannelSender {

        final Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
        final Map<String, Boolean> senders = new ConcurrentHashMap<>();

        @Override
        public String channelId() {
            return CHANNEL;
        }

        @Override
        public DeliveryOutcome deliver(List<Notification> message) {
            sleep(20);
            message.forEach(notification -> sends.computeIfAbsent(notification.key(), key -> new AtomicInteger())
                    .incrementAndGet());
            senders.put(Thread.currentThread().getName() + "/" + System.identityHashCode(Thread.currentThread()), true);
            return new DeliveryOutcome.Delivered();
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One instance's outbox and dispatcher over the shared table. */
    private static final class Leader implements AutoCloseable {

        final Outbox outbox;
        final DispatcherLoop loop;

        Leader(OutboxStore table, Path spool, String claimant, ChannelSender channel) {
            this.outbox = new Outbox(table, spool, claimant);
            ChannelDispatcher dispatcher = new ChannelDispatcher(channel, outbox, RetryPolicy.STANDARD, Duration.ZERO,
                    Clock.systemUTC(), new Random(7), (notification, reason, broken) -> { }, DeliveryListener.NONE);
            this.loop = new DispatcherLoop(dispatcher, Clock.systemUTC());
        }

        void start() {
            outbox.start();
            loop.start();
        }

        @Override
        public void close() {
            loop.close();
            outbox.close();
        }
    }
}
