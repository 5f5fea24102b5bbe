package io.sentinel.alert;

import io.sentinel.model.AlertEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.alert.dispatch.ChannelDispatcher;
import io.sentinel.alert.dispatch.DeliveryListener;
import io.sentinel.alert.dispatch.RetryPolicy;
import io.sentinel.alert.outbox.DeliveryState;
import io.sentinel.alert.outbox.Outbox;
import io.sentinel.alert.outbox.OutboxEntry;
import io.sentinel.alert.silence.Muting;
import io.sentinel.alert.silence.Silence;
import io.sentinel.config.CheckIndex;
import io.sentinel.incident.IncidentTracker;
import io.sentinel.incident.Topology;
import io.sentinel.config.ConfigLoader;
import io.sentinel.config.MaintenanceWindow;
import io.sentinel.config.SentinelConfig;
import io.sentinel.config.Severity;
import io.sentinel.daemon.BuiltInKinds;
import io.sentinel.store.DecisionLog;
import io.sentinel.store.Database;
import io.sentinel.store.OutboxStore;
import io.sentinel.rules.Verdict;
import io.sentinel.store.SilenceStore;
import io.sentinel.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Silences, maintenance windows and reminders with the real router, outbox and stores, and a clock the test
 * moves: nothing is sent while held, nothing stale is released afterwards, and reminders repeat on time.
 */
class HoldingAndRemindingTest {

    private static final String CONFIG = """
            dependencies:
              - id: supabase
            checks:
              - id: db-ping
                dependency: supabase
                kind: http
                url: https://db.example.com/
            alerts:
              reminderInterval: 1h
              channels:
                - {id: chat, type: log}
              routing: {critical: [chat], high: [chat], medium: [chat]}
            """;

    @TempDir
    Path directory;

    private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
    private final List<Notification> delivered = new ArrayList<>();
    private Database database;
    private Outbox outbox;
    private Muting muting;
    private AlertRouter router;
    private HeldNotifications held;
    private Reminders reminders;
    private List<ChannelDispatcher> dispatchers;

    private void start(List<MaintenanceWindow> windows) throws Exception {
        SentinelConfig config = new ConfigLoader(BuiltInKinds.index(), Map.<String, String>of()::get)
                .parse(Path.of("sentinel.yaml"), CONFIG);
        database = AlertTesting.h2(directory);
        outbox = new Outbox(new OutboxStore(database), directory.resolve("spool"));
        muting = new Muting(windows, new SilenceStore(database));
        OpenIncidents incidents = new OpenIncidents();
        AlertPolicy policy = new AlertPolicy(config.alerts(), new CheckIndex(config));
        router = new AlertRouter(policy, outbox, muting, new DecisionLog(database, directory.resolve("spool"), clock),
                incidents, new IncidentTracker(Topology.NONE), clock);
        held = new HeldNotifications(outbox, muting, incidents, clock);
        reminders = new Reminders(incidents, policy, outbox, muting, clock);
        dispatchers = List.of("chat", "log").stream().map(channel -> new ChannelDispatcher(recorder(channel), outbox,
                RetryPolicy.STANDARD, Duration.ZERO, clock, new Random(1), (n, r, b) -> { }, DeliveryListener.NONE)).toList();
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aFiringAlertIsRemindedEveryIntervalUntilItResolves() throws Exception {
        start(List.of());
        AlertEvent firing = AlertTesting.firing("inc-1", "db-ping", Severity.HIGH, clock.instant());
        route(firing);
        assertThat(deliveredTo("chat")).extracting(Notification::kind).containsExactly(NotificationKind.ALERT);

        clock.advance(Duration.ofMinutes(59));
        remind();
        assertThat(deliveredTo("chat")).hasSize(1);

        clock.advance(Duration.ofMinutes(1));
        remind();
        remind();
        assertThat(deliveredTo("chat")).hasSize(2);
        assertThat(deliveredTo("chat").get(1).kind()).isEqualTo(NotificationKind.REMINDER);
        assertThat(deliveredTo("chat").get(1).note()).startsWith("reminder 1: still DOWN since");

        clock.advance(Duration.ofHours(1));
        remind();
        route(AlertTesting.resolved(firing, clock.instant()));
        clock.advance(Duration.ofHours(3));
        remind();

        assertThat(deliveredTo("chat")).extracting(n -> n.kind() + " " + n.event().status())
                .containsExactly("ALERT FIRING", "REMINDER FIRING", "REMINDER FIRING", "ALERT RESOLVED");
    }

    @Test
    void aSilenceHoldsAnAlertThatEndsWhileSilencedAndReleasesNothingAfterwards() throws Exception {
        start(List.of());
        muting.add(silence(Duration.ofHours(1)));
        AlertEvent firing = AlertTesting.firing("inc-2", "db-ping", Severity.CRITICAL, clock.instant());
        route(firing);
        clock.advance(Duration.ofMinutes(10));
        route(AlertTesting.resolved(firing, clock.instant()));
        assertThat(delivered).isEmpty();

        clock.advance(Duration.ofHours(1));
        release();

        assertThat(delivered).isEmpty();
        assertThat(outbox.forIncident("inc-2")).extracting(OutboxEntry::state).containsOnly(DeliveryState.SUPPRESSED);
    }

    @Test
    void anAlertStillFiringWhenTheSilenceEndsIsSentOnceSayingItWasHeld() throws Exception {
        start(List.of());
        muting.add(silence(Duration.ofMinutes(30)));
        route(AlertTesting.firing("inc-3", "db-ping", Severity.HIGH, clock.instant()));
        clock.advance(Duration.ofHours(1));
        route(AlertTesting.firing("inc-3", "db-ping", Severity.HIGH, clock.instant().minusSeconds(1)));
        clock.advance(Duration.ofMinutes(1));

        release();
        release();

        assertThat(deliveredTo("chat")).singleElement().satisfies(notification ->
                assertThat(notification.note()).contains("held (held by silence").contains("still firing"));
    }

    @Test
    void aResolveDuringASilenceIsSentAfterwardsOnlyWhenTheFiringHadBeenSent() throws Exception {
        start(List.of());
        AlertEvent firing = AlertTesting.firing("inc-4", "db-ping", Severity.HIGH, clock.instant());
        route(firing);
        muting.add(silence(Duration.ofMinutes(30)));
        clock.advance(Duration.ofMinutes(5));
        route(AlertTesting.resolved(firing, clock.instant()));
        assertThat(deliveredTo("chat")).hasSize(1);

        clock.advance(Duration.ofMinutes(30));
        release();

        assertThat(deliveredTo("chat")).extracting(n -> n.event().status().name()).containsExactly("FIRING", "RESOLVED");
    }

    @Test
    void noReminderIsWrittenWhileTheAlertIsSilenced() throws Exception {
        start(List.of());
        route(AlertTesting.firing("inc-5", "db-ping", Severity.HIGH, clock.instant()));
        muting.add(silence(Duration.ofHours(3)));

        clock.advance(Duration.ofHours(2));
        remind();

        assertThat(deliveredTo("chat")).hasSize(1);
    }

    @Test
    void aMaintenanceWindowHoldsNotificationsLikeASilence() throws Exception {
        start(List.of(new MaintenanceWindow("db upgrade", List.of(), List.of("supabase"),
                Optional.of(clock.instant().minusSeconds(60)), Optional.of(clock.instant().plus(Duration.ofHours(1))),
                Set.of(), null, null, ZoneId.of("UTC"))));
        AlertEvent firing = AlertTesting.firing("inc-6", "db-ping", Severity.CRITICAL, clock.instant());

        route(firing);

        assertThat(delivered).isEmpty();
        assertThat(outbox.unfinished()).extracting(OutboxEntry::lastError)
                .allMatch(reason -> reason.equals("held by maintenance window 'db upgrade'"));
    }

    private Silence silence(Duration length) {
        return new Silence("s-" + length.toMinutes(), Optional.of("db-ping"), Optional.empty(), Optional.empty(),
                clock.instant(), clock.instant().plus(length), "planned restart", clock.instant());
    }

    private void route(AlertEvent event) {
        router.route(Verdict.of(List.of(event)));
        deliver();
    }

    private void remind() {
        reminders.run();
        deliver();
    }

    private void release() {
        held.releaseEnded();
        deliver();
    }

    private void deliver() {
        dispatchers.forEach(ChannelDispatcher::deliverDue);
    }

    private List<Notification> deliveredTo(String channel) {
        return delivered.stream().filter(notification -> notification.channelId().equals(channel)).toList();
    }

    private ChannelSender recorder(String channel) {
        return new ChannelSender() {
            @Override
            public String channelId() {
                return channel;
            }

            @Override
            public DeliveryOutcome deliver(List<Notification> message) {
                delivered.addAll(message);
                return new DeliveryOutcome.Delivered();
            }
        };
    }
}
