package io.sentinel.alert;

import io.sentinel.model.AlertEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.alert.dispatch.ChannelDispatcher;
import io.sentinel.alert.dispatch.DeliveryListener;
import io.sentinel.alert.dispatch.RetryPolicy;
import io.sentinel.alert.outbox.DeliveryState;
import io.sentinel.alert.outbox.Outbox;
import io.sentinel.alert.outbox.OutboxEntry;
import io.sentinel.config.Severity;
import io.sentinel.store.Database;
import io.sentinel.store.OutboxStore;
import io.sentinel.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One channel's delivery from a real outbox (H2), with a scripted channel and a clock moved by hand. */
class ChannelDispatcherTest {

    @TempDir
    Path directory;

    private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
    private final ScriptedChannel channel = new ScriptedChannel();
    private final List<String> fallbacks = new ArrayList<>();
    private Database database;
    private Outbox outbox;

    @BeforeEach
    void openOutbox() {
        database = AlertTesting.h2(directory);
        outbox = new Outbox(new OutboxStore(database), directory.resolve("spool"));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private ChannelDispatcher dispatcher(Duration spacing) {
        return new ChannelDispatcher(channel, outbox, RetryPolicy.STANDARD, spacing, clock, new Random(7),
                (notification, reason, broken) -> fallbacks.add(notification.key() + " " + reason + " " + broken),
                DeliveryListener.NONE);
    }

    @Test
    void theSameKeyIsDeliveredOnce() {
        AlertEvent event = AlertTesting.firing("inc-1", "db-ping", Severity.CRITICAL, clock.instant());
        assertThat(outbox.add(OutboxEntry.pending(AlertTesting.notification("inc-1/FIRING-DOWN/slack", "slack", event)))).isTrue();
        assertThat(outbox.add(OutboxEntry.pending(AlertTesting.notification("inc-1/FIRING-DOWN/slack", "slack", event)))).isFalse();

        dispatcher(Duration.ZERO).deliverDue();

        assertThat(channel.sent).containsExactly("inc-1/FIRING-DOWN/slack");
        assertThat(outbox.unfinished()).isEmpty();
        assertThat(outbox.forIncident("inc-1")).singleElement()
                .satisfies(entry -> assertThat(entry.state()).isEqualTo(DeliveryState.DELIVERED));
    }

    @Test
    void passingFailuresAreRetriedWithBackoffUntilDelivered() {
        channel.script(retry(), retry(), retry(), new DeliveryOutcome.Delivered());
        add("inc-2/FIRING-DOWN/slack");
        ChannelDispatcher dispatcher = dispatcher(Duration.ZERO);

        for (int i = 0; i < 4; i++) {
            Optional<Instant> next = dispatcher.deliverDue();
            next.ifPresent(clock::set);
        }

        assertThat(channel.sent).hasSize(4);
        assertThat(outbox.forIncident("inc-2")).singleElement().satisfies(entry -> {
            assertThat(entry.state()).isEqualTo(DeliveryState.DELIVERED);
            assertThat(entry.attempts()).isEqualTo(4);
        });
    }

    @Test
    void aRetryAfterDelaysTheNextTryByAtLeastThatLong() {
        channel.script(new DeliveryOutcome.RetryLater("HTTP 429 rate_limited", Optional.of(Duration.ofSeconds(2))),
                new DeliveryOutcome.Delivered());
        add("inc-3/FIRING-DOWN/slack");
        ChannelDispatcher dispatcher = dispatcher(Duration.ofSeconds(1));
        Instant first = clock.instant();

        Optional<Instant> next = dispatcher.deliverDue();
        assertThat(next).hasValueSatisfying(at -> assertThat(at).isAfterOrEqualTo(first.plusSeconds(2)));

        clock.advance(Duration.ofMillis(1_999));
        dispatcher.deliverDue();
        assertThat(channel.sent).hasSize(1);

        clock.set(next.get());
        dispatcher.deliverDue();
        assertThat(channel.sent).hasSize(2);
    }

    @Test
    void messagesAreSpacedSoTheChannelGetsAtMostOneASecond() {
        for (int i = 0; i < 5; i++) {
            add("inc-" + i + "/FIRING-DOWN/slack");
        }
        ChannelDispatcher dispatcher = dispatcher(Duration.ofSeconds(1));
        List<Instant> sendTimes = new ArrayList<>();

        while (channel.sent.size() < 5) {
            int before = channel.sent.size();
            Optional<Instant> next = dispatcher.deliverDue();
            if (channel.sent.size() > before) {
                sendTimes.add(clock.instant());
            }
            next.ifPresent(clock::set);
        }

        for (int i = 1; i < sendTimes.size(); i++) {
            assertThat(Duration.between(sendTimes.get(i - 1), sendTimes.get(i))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void aPermanentRefusalStopsRetryingAndHandsTheAlertToTheOtherChannels() {
        channel.script(new DeliveryOutcome.Rejected("HTTP 404 no_service", true));
        add("inc-4/FIRING-DOWN/slack");

        Optional<Instant> next = dispatcher(Duration.ZERO).deliverDue();

        assertThat(next).isEmpty();
        assertThat(channel.sent).hasSize(1);
        assertThat(fallbacks).containsExactly("inc-4/FIRING-DOWN/slack HTTP 404 no_service true");
        assertThat(outbox.forIncident("inc-4")).singleElement()
                .satisfies(entry -> assertThat(entry.state()).isEqualTo(DeliveryState.FAILED));
    }

    @Test
    void aMessageStillFailingAfterADayIsGivenUpAndSentElsewhere() {
        channel.script(retry(), retry());
        add("inc-5/FIRING-DOWN/slack");
        ChannelDispatcher dispatcher = dispatcher(Duration.ZERO);
        dispatcher.deliverDue();

        clock.advance(Duration.ofHours(25));
        dispatcher.deliverDue();

        assertThat(fallbacks).singleElement().asString().startsWith("inc-5/FIRING-DOWN/slack gave up after 2 attempts");
    }

    @Test
    void afterAnOutageEveryIncidentsFiringLeavesBeforeItsResolvedAndTheBacklogDrainsAtTheChannelsRate() {
        Instant outage = clock.instant();
        channel.downUntil(outage.plus(Duration.ofMinutes(5)));
        List<AlertEvent> firings = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            firings.add(addFiring("inc-" + i));
        }
        firings.forEach(this::addResolved);
        ChannelDispatcher dispatcher = dispatcher(Duration.ofSeconds(1));

        deliverAll(dispatcher);

        assertThat(deliveredKeys()).containsExactly(
                "inc-0/FIRING-DOWN/slack", "inc-1/FIRING-DOWN/slack", "inc-2/FIRING-DOWN/slack", "inc-3/FIRING-DOWN/slack",
                "inc-4/FIRING-DOWN/slack", "inc-0/RESOLVED-UP/slack", "inc-1/RESOLVED-UP/slack", "inc-2/RESOLVED-UP/slack",
                "inc-3/RESOLVED-UP/slack", "inc-4/RESOLVED-UP/slack");
        List<Attempt> failed = channel.attempts.stream().filter(attempt -> !attempt.delivered()).toList();
        assertThat(failed).as("only the head is tried while the channel is down")
                .extracting(Attempt::key).containsOnly("inc-0/FIRING-DOWN/slack");
        Attempt firstDelivered = channel.attempts.get(failed.size());
        assertThat(Duration.between(channel.recovery, firstDelivered.at())).isLessThanOrEqualTo(Duration.ofSeconds(30));
        Attempt lastDelivered = channel.attempts.get(channel.attempts.size() - 1);
        assertThat(Duration.between(firstDelivered.at(), lastDelivered.at())).as("nine more, one a second")
                .isEqualTo(Duration.ofSeconds(9));
        assertThat(outbox.unfinished()).isEmpty();
    }

    @Test
    void whileTheChannelIsDownItIsTriedAtLeastEveryThirtySecondsAndNeverFasterThanItsRate() {
        channel.downUntil(clock.instant().plus(Duration.ofHours(1)));
        add("inc-1/FIRING-DOWN/slack");

        deliverAll(dispatcher(Duration.ofSeconds(1)));

        List<Instant> times = channel.attempts.stream().map(Attempt::at).toList();
        for (int i = 1; i < times.size(); i++) {
            assertThat(Duration.between(times.get(i - 1), times.get(i))).as("pause before attempt %d", i + 1)
                    .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(30));
        }
        assertThat(times).as("an hour down, tried every 15 to 30 s once the pause stops growing").hasSizeBetween(120, 245);
        assertThat(channel.attempts.get(channel.attempts.size() - 1).delivered()).isTrue();
    }

    @Test
    void aRetryAfterPausesTheWholeChannelForExactlyThatLongEvenBeyondTheLongestBackoff() {
        channel.script(new DeliveryOutcome.RetryLater("HTTP 429 rate_limited", Optional.of(Duration.ofSeconds(120))));
        add("inc-1/FIRING-DOWN/slack");
        add("inc-2/FIRING-DOWN/slack");
        ChannelDispatcher dispatcher = dispatcher(Duration.ofSeconds(1));
        Instant limited = clock.instant();

        assertThat(dispatcher.deliverDue()).hasValue(limited.plusSeconds(120));
        clock.advance(Duration.ofSeconds(119));
        assertThat(dispatcher.deliverDue()).hasValue(limited.plusSeconds(120));
        assertThat(channel.sent).as("the other incident waits too").containsExactly("inc-1/FIRING-DOWN/slack");

        clock.set(limited.plusSeconds(120));
        deliverAll(dispatcher);
        assertThat(channel.sent).containsExactly("inc-1/FIRING-DOWN/slack", "inc-1/FIRING-DOWN/slack", "inc-2/FIRING-DOWN/slack");
    }

    @Test
    void aShortRetryAfterIsFollowedEvenAfterManyFailures() {
        channel.script(retry(), retry(), retry(), retry(), retry(),
                new DeliveryOutcome.RetryLater("HTTP 429 rate_limited", Optional.of(Duration.ofSeconds(2))));
        add("inc-1/FIRING-DOWN/slack");
        ChannelDispatcher dispatcher = dispatcher(Duration.ofSeconds(1));
        for (int i = 0; i < 5; i++) {
            dispatcher.deliverDue().ifPresent(clock::set);
        }
        Instant limited = clock.instant();

        assertThat(dispatcher.deliverDue()).hasValue(limited.plusSeconds(2));
    }

    @Test
    void aFiringRefusedForGoodDoesNotHoldBackItsResolved() {
        channel.script(new DeliveryOutcome.Rejected("HTTP 400 invalid_payload", false));
        addFiringAndResolved("inc-1");

        deliverAll(dispatcher(Duration.ofSeconds(1)));

        assertThat(channel.sent).containsExactly("inc-1/FIRING-DOWN/slack", "inc-1/RESOLVED-UP/slack");
        assertThat(fallbacks).singleElement().asString().startsWith("inc-1/FIRING-DOWN/slack HTTP 400");
    }

    @Test
    void aHeldFiringHoldsBackItsResolvedUntilTheSilenceIsDealtWith() {
        AlertEvent firing = AlertTesting.firing("inc-1", "db-ping", Severity.HIGH, clock.instant());
        OutboxEntry held = OutboxEntry.held(AlertTesting.notification("inc-1/FIRING-DOWN/slack", "slack", firing), "held by s-1");
        outbox.add(held);
        clock.advance(Duration.ofSeconds(1));
        add("inc-2/FIRING-DOWN/slack");
        clock.advance(Duration.ofSeconds(1));
        outbox.add(OutboxEntry.pending(AlertTesting.notification("inc-1/RESOLVED-UP/slack", "slack",
                AlertTesting.resolved(firing, clock.instant()))));
        ChannelDispatcher dispatcher = dispatcher(Duration.ZERO);

        assertThat(dispatcher.deliverDue()).isEmpty();
        assertThat(channel.sent).containsExactly("inc-2/FIRING-DOWN/slack");

        outbox.update(held.suppressed("not sent: the problem ended while it was held"));
        dispatcher.deliverDue();
        assertThat(channel.sent).containsExactly("inc-2/FIRING-DOWN/slack", "inc-1/RESOLVED-UP/slack");
    }

    @Test
    void afterADayDownEveryMessageThatOldIsHandedOverAtOnceInOrder() {
        channel.downUntil(clock.instant().plus(Duration.ofDays(2)));
        addFiringAndResolved("inc-1");
        add("inc-2/FIRING-DOWN/slack");
        ChannelDispatcher dispatcher = dispatcher(Duration.ofSeconds(1));
        dispatcher.deliverDue();
        clock.advance(Duration.ofHours(25));

        dispatcher.deliverDue();

        assertThat(fallbacks).extracting(line -> line.substring(0, line.indexOf(' '))).containsExactly(
                "inc-1/FIRING-DOWN/slack", "inc-1/RESOLVED-UP/slack", "inc-2/FIRING-DOWN/slack");
        assertThat(fallbacks.get(1)).contains("gave up: not delivered within 1d while slack kept failing: HTTP 503");
        assertThat(outbox.unfinished()).isEmpty();
    }

    @Test
    void theChannelsPauseOutlivesARestart() {
        channel.script(new DeliveryOutcome.RetryLater("HTTP 429 rate_limited", Optional.of(Duration.ofSeconds(60))));
        add("inc-1/FIRING-DOWN/slack");
        Instant limited = clock.instant();
        dispatcher(Duration.ofSeconds(1)).deliverDue();

        outbox = new Outbox(new OutboxStore(database), directory.resolve("spool"));
        outbox.load(java.util.List.of());
        clock.advance(Duration.ofSeconds(10));

        assertThat(dispatcher(Duration.ofSeconds(1)).deliverDue()).hasValue(limited.plusSeconds(60));
        assertThat(channel.sent).hasSize(1);
    }

    private void addFiringAndResolved(String incident) {
        addResolved(addFiring(incident));
    }

    private AlertEvent addFiring(String incident) {
        AlertEvent firing = AlertTesting.firing(incident, "db-ping", Severity.HIGH, clock.instant());
        outbox.add(OutboxEntry.pending(AlertTesting.notification(incident + "/FIRING-DOWN/slack", "slack", firing)));
        clock.advance(Duration.ofMillis(10));
        return firing;
    }

    private void addResolved(AlertEvent firing) {
        outbox.add(OutboxEntry.pending(AlertTesting.notification(firing.incidentId() + "/RESOLVED-UP/slack", "slack",
                AlertTesting.resolved(firing, clock.instant()))));
        clock.advance(Duration.ofMillis(10));
    }

    private void add(String key) {
        AlertEvent event = AlertTesting.firing(key.substring(0, key.indexOf('/')), "db-ping", Severity.HIGH, clock.instant());
        outbox.add(OutboxEntry.pending(AlertTesting.notification(key, "slack", event)));
    }

    private static DeliveryOutcome retry() {
        return new DeliveryOutcome.RetryLater("HTTP 500", Optional.empty());
    }

    private void deliverAll(ChannelDispatcher dispatcher) {
        DispatcherDriver.deliverAll(dispatcher, clock);
    }

    private List<String> deliveredKeys() {
        return channel.attempts.stream().filter(Attempt::delivered).map(Attempt::key).toList();
    }

    private record Attempt(String key, Instant at, boolean delivered) {
    }

    /** A channel that answers from a script, or fails while it is down, and otherwise delivers. */
    private final class ScriptedChannel implements ChannelSender {
        private final Deque<DeliveryOutcome> script = new ArrayDeque<>();
        private final List<String> sent = new ArrayList<>();
        private final List<Attempt> attempts = new ArrayList<>();
        private Instant recovery = Instant.MIN;

        void script(DeliveryOutcome... outcomes) {
            script.addAll(List.of(outcomes));
        }

        void downUntil(Instant recovery) {
            this.recovery = recovery;
        }

        @Override
        public String channelId() {
            return "slack";
        }

        /** One notification a message: this channel does not group. */
        @Override
        public DeliveryOutcome deliver(List<Notification> message) {
            assertThat(message).hasSize(1);
            Notification notification = message.get(0);
            sent.add(notification.key());
            DeliveryOutcome outcome = !script.isEmpty() ? script.poll()
                    : clock.instant().isBefore(recovery) ? new DeliveryOutcome.RetryLater("HTTP 503", Optional.empty())
                    : new DeliveryOutcome.Delivered();
            attempts.add(new Attempt(notification.key(), clock.instant(), outcome instanceof DeliveryOutcome.Delivered));
            return outcome;
        }
    }
}
