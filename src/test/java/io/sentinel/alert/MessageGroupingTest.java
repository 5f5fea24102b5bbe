package io.sentinel.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.alert.dispatch.ChannelDispatcher;
import io.sentinel.alert.dispatch.ChannelRate;
import io.sentinel.alert.dispatch.DeliveryListener;
import io.sentinel.alert.dispatch.Grouping;
import io.sentinel.alert.dispatch.RetryPolicy;
import io.sentinel.alert.outbox.DeliveryState;
import io.sentinel.alert.outbox.Outbox;
import io.sentinel.alert.outbox.OutboxEntry;
import io.sentinel.config.AlertsConfig;
import io.sentinel.config.Severity;
import io.sentinel.config.SlackChannelConfig;
import io.sentinel.model.AlertEvent;
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
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications decided together leave as one message: a real outbox (H2), a channel that records each
 * message, a Slack-like pace of one message a second, and a clock moved by hand.
 */
class MessageGroupingTest {

    private static final Duration WINDOW = Duration.ofMillis(250);
    private static final Duration SLACK_PACE = Duration.ofSeconds(1);

    @TempDir
    Path directory;

    private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
    private final RecordingChannel channel = new RecordingChannel();
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

    private ChannelDispatcher dispatcher() {
        return new ChannelDispatcher(channel, outbox, RetryPolicy.STANDARD, ChannelRate.every(SLACK_PACE), Grouping.within(WINDOW), clock,
                new Random(7), (notification, reason, broken) -> fallbacks.add(notification.key()), DeliveryListener.NONE);
    }

    /** Slack as shipped: one message a second, sooner for up to five alerts after a quiet spell; the default window. */
    private ChannelDispatcher slackAsShipped() {
        return new ChannelDispatcher(channel, outbox, RetryPolicy.STANDARD,
                new ChannelRate(SlackChannelConfig.SPACING, SlackChannelConfig.DEFAULT_BURST),
                Grouping.within(AlertsConfig.DEFAULT_GROUP_WINDOW), clock, new Random(7),
                (notification, reason, broken) -> fallbacks.add(notification.key()), DeliveryListener.NONE);
    }

    @Test
    void fiveAlertsDecidedAQuarterOfASecondApartEachLeaveOneWindowAfterTheirDecision() {
        ChannelDispatcher dispatcher = slackAsShipped();
        Instant start = clock.instant();
        List<Instant> decided = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clock.set(start.plus(Duration.ofMillis(250L * i)));
            decided.add(clock.instant());
            fire("inc-" + i);
            DispatcherDriver.deliverUntil(dispatcher, clock, clock.instant().plus(Duration.ofMillis(249)));
        }
        deliverAll(dispatcher);

        assertThat(channel.messages).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(channel.messages.get(i).keys()).containsExactly("inc-" + i + "/FIRING-DOWN/slack");
            assertThat(channel.messages.get(i).at()).as("message %d", i)
                    .isEqualTo(decided.get(i).plus(AlertsConfig.DEFAULT_GROUP_WINDOW));
        }
    }

    @Test
    void oncePastTheBurstTheNextMessageWaitsForTheOneASecondPace() {
        ChannelDispatcher dispatcher = slackAsShipped();
        Instant start = clock.instant();
        for (int i = 0; i < 7; i++) {
            clock.set(start.plus(Duration.ofMillis(210L * i)));
            fire("inc-" + i);
            DispatcherDriver.deliverUntil(dispatcher, clock, clock.instant().plus(Duration.ofMillis(209)));
        }
        deliverAll(dispatcher);

        assertThat(channel.messages).extracting(message -> message.keys().get(0)).containsExactly(
                "inc-0/FIRING-DOWN/slack", "inc-1/FIRING-DOWN/slack", "inc-2/FIRING-DOWN/slack",
                "inc-3/FIRING-DOWN/slack", "inc-4/FIRING-DOWN/slack", "inc-5/FIRING-DOWN/slack",
                "inc-6/FIRING-DOWN/slack");
        for (int i = 0; i < 6; i++) {
            assertThat(channel.messages.get(i).at()).as("message %d, within the burst and what 1.05 s earned back", i)
                    .isEqualTo(start.plus(Duration.ofMillis(210L * i + 200)));
        }
        assertThat(channel.messages.get(6).at()).as("six sent in 1.05 s: the seventh waits for the pace")
                .isEqualTo(channel.messages.get(0).at().plus(Duration.ofSeconds(2)));
    }

    @Test
    void aStormOfFiftyAlertsOverASecondIsTwoMessagesTheSecondAtTheSteadyPace() {
        ChannelDispatcher dispatcher = slackAsShipped();
        Instant start = clock.instant();
        for (int i = 0; i < 50; i++) {
            clock.set(start.plus(Duration.ofMillis(20L * i)));
            fire("inc-" + i);
            DispatcherDriver.deliverUntil(dispatcher, clock, clock.instant().plus(Duration.ofMillis(19)));
        }
        deliverAll(dispatcher);

        assertThat(channel.messages).extracting(message -> message.keys().size()).containsExactly(11, 39);
        assertThat(channel.messages.get(0).at()).isEqualTo(start.plus(AlertsConfig.DEFAULT_GROUP_WINDOW));
        assertThat(channel.messages.get(1).at()).as("more alerts than the burst: they wait for the one-a-second pace")
                .isEqualTo(channel.messages.get(0).at().plus(Duration.ofSeconds(1)));
    }

    @Test
    void fiftyAlertsDecidedWithinTheWindowAreOneMessageAtTheShippedSettings() {
        Instant start = clock.instant();
        for (int i = 0; i < 50; i++) {
            clock.set(start.plus(Duration.ofMillis(3L * i)));
            fire("inc-" + i);
        }

        deliverAll(slackAsShipped());

        assertThat(channel.messages).singleElement().satisfies(message -> {
            assertThat(message.keys()).hasSize(50);
            assertThat(message.at()).isEqualTo(start.plus(AlertsConfig.DEFAULT_GROUP_WINDOW));
        });
    }

    @Test
    void fiftyAlertsDecidedAtOnceAreOneMessageSentOneWindowAfterTheFirst() {
        Instant decided = clock.instant();
        IntStream.range(0, 50).forEach(i -> fire("inc-" + i));
        ChannelDispatcher dispatcher = dispatcher();

        assertThat(dispatcher.deliverDue()).as("the first alert waits for the others, no longer than the window")
                .hasValue(decided.plus(WINDOW));
        assertThat(channel.messages).isEmpty();

        clock.set(decided.plus(WINDOW));
        assertThat(dispatcher.deliverDue()).isEmpty();

        assertThat(channel.messages).singleElement().satisfies(message -> assertThat(message.keys()).hasSize(50));
        assertThat(outbox.unfinished()).isEmpty();
        assertThat(IntStream.range(0, 50).mapToObj(i -> outbox.forIncident("inc-" + i)).flatMap(List::stream))
                .hasSize(50).allSatisfy(entry -> {
                    assertThat(entry.state()).isEqualTo(DeliveryState.DELIVERED);
                    assertThat(entry.deliveredAt()).isEqualTo(decided.plus(WINDOW));
                });
    }

    @Test
    void alertsDecidedWhileTheChannelIsPacedGoTogetherInTheNextMessage() {
        Instant start = clock.instant();
        fire("inc-0");
        ChannelDispatcher dispatcher = dispatcher();
        clock.set(start.plus(WINDOW));
        dispatcher.deliverDue();
        for (int i = 1; i <= 20; i++) {
            clock.advance(Duration.ofMillis(30));
            fire("inc-" + i);
        }

        deliverAll(dispatcher);

        assertThat(channel.messages).hasSize(2);
        assertThat(channel.messages.get(0).keys()).containsExactly("inc-0/FIRING-DOWN/slack");
        assertThat(channel.messages.get(1).keys()).hasSize(20);
        assertThat(Duration.between(channel.messages.get(0).at(), channel.messages.get(1).at())).isEqualTo(SLACK_PACE);
    }

    @Test
    void aLoneAlertWaitsTheWindowAndNoLonger() {
        Instant decided = clock.instant();
        fire("inc-1");

        assertThat(dispatcher().deliverDue()).hasValue(decided.plus(WINDOW));
        clock.set(decided.plus(WINDOW));
        dispatcher().deliverDue();

        assertThat(channel.messages).singleElement().satisfies(message -> {
            assertThat(message.keys()).containsExactly("inc-1/FIRING-DOWN/slack");
            assertThat(message.at()).isEqualTo(decided.plus(WINDOW));
        });
    }

    @Test
    void aMessageCarriesAtMostFiftyAndTheRestFollowAtTheChannelsPace() {
        IntStream.range(0, 60).forEach(i -> fire("inc-" + i));

        deliverAll(dispatcher());

        assertThat(channel.messages).extracting(message -> message.keys().size()).containsExactly(50, 10);
        assertThat(channel.messages.get(0).keys()).first().isEqualTo("inc-0/FIRING-DOWN/slack");
    }

    @Test
    void anIncidentsResolvedGoesInTheMessageAfterItsFiring() {
        AlertEvent firing = fire("inc-1");
        fire("inc-2");
        resolve(firing);

        deliverAll(dispatcher());

        assertThat(channel.messages).extracting(Message::keys).containsExactly(
                List.of("inc-1/FIRING-DOWN/slack", "inc-2/FIRING-DOWN/slack"),
                List.of("inc-1/RESOLVED-UP/slack"));
    }

    @Test
    void aPassingFailureRetriesTheWholeMessageAndLaterAlertsJoinIt() {
        channel.script(new DeliveryOutcome.RetryLater("HTTP 503", Optional.empty()));
        IntStream.range(0, 3).forEach(i -> fire("inc-" + i));
        ChannelDispatcher dispatcher = dispatcher();
        clock.advance(WINDOW);
        Optional<Instant> resume = dispatcher.deliverDue();
        assertThat(outbox.unfinished()).hasSize(3).allSatisfy(entry -> {
            assertThat(entry.attempts()).isEqualTo(1);
            assertThat(entry.lastError()).isEqualTo("HTTP 503");
        });
        fire("inc-3");

        clock.set(resume.orElseThrow());
        deliverAll(dispatcher);

        assertThat(channel.messages).extracting(message -> message.keys().size()).containsExactly(3, 4);
        assertThat(channel.delivered()).containsExactlyInAnyOrder("inc-0/FIRING-DOWN/slack", "inc-1/FIRING-DOWN/slack",
                "inc-2/FIRING-DOWN/slack", "inc-3/FIRING-DOWN/slack");
    }

    @Test
    void aMessageTheChannelRefusesIsSplitSoOnlyTheRefusedAlertGoesElsewhere() {
        channel.refuse("inc-1/FIRING-DOWN/slack");
        IntStream.range(0, 3).forEach(i -> fire("inc-" + i));

        deliverAll(dispatcher());

        assertThat(channel.delivered()).containsExactlyInAnyOrder("inc-0/FIRING-DOWN/slack", "inc-2/FIRING-DOWN/slack");
        assertThat(fallbacks).containsExactly("inc-1/FIRING-DOWN/slack");
        assertThat(outbox.unfinished()).isEmpty();
    }

    @Test
    void aCrashAfterTheChannelTookAMessageResendsThatMessageOnlyAndOnce() {
        IntStream.range(0, 3).forEach(i -> fire("inc-" + i));
        deliverAll(dispatcher());
        IntStream.range(3, 6).forEach(i -> fire("inc-" + i));
        channel.crashAfterNextMessage();
        clock.advance(Duration.ofSeconds(5));
        try {
            dispatcher().deliverDue();
        } catch (IllegalStateException killed) {
            // the process died after Slack took the message and before the outbox recorded it
        }

        outbox = new Outbox(new OutboxStore(database), directory.resolve("spool"));
        outbox.load(List.of());
        deliverAll(dispatcher());

        assertThat(channel.messages).extracting(message -> message.keys().size()).containsExactly(3, 3, 3);
        assertThat(channel.messages.get(2).keys()).isEqualTo(channel.messages.get(1).keys());
        assertThat(channel.messages.stream().flatMap(message -> message.keys().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
                .as("only the message in flight is sent twice")
                .containsEntry("inc-0/FIRING-DOWN/slack", 1L).containsEntry("inc-3/FIRING-DOWN/slack", 2L);
        assertThat(outbox.unfinished()).isEmpty();
    }

    private AlertEvent fire(String incident) {
        AlertEvent firing = AlertTesting.firing(incident, "check-" + incident, Severity.HIGH, clock.instant());
        outbox.add(OutboxEntry.pending(AlertTesting.notification(incident + "/FIRING-DOWN/slack", "slack", firing)));
        return firing;
    }

    private void resolve(AlertEvent firing) {
        outbox.add(OutboxEntry.pending(AlertTesting.notification(firing.incidentId() + "/RESOLVED-UP/slack", "slack",
                AlertTesting.resolved(firing, clock.instant()))));
    }

    private void deliverAll(ChannelDispatcher dispatcher) {
        DispatcherDriver.deliverAll(dispatcher, clock);
    }

    private record Message(List<String> keys, Instant at, boolean delivered) {
    }

    /** A channel that records every message, answers from a script first, and refuses chosen notifications. */
    private final class RecordingChannel implements ChannelSender {
        private final List<Message> messages = new ArrayList<>();
        private final Deque<DeliveryOutcome> script = new ArrayDeque<>();
        private final List<String> refused = new ArrayList<>();
        private boolean crashAfterNext;

        void script(DeliveryOutcome... outcomes) {
            script.addAll(List.of(outcomes));
        }

        void refuse(String key) {
            refused.add(key);
        }

        void crashAfterNextMessage() {
            crashAfterNext = true;
        }

        List<String> delivered() {
            return messages.stream().filter(Message::delivered).flatMap(message -> message.keys().stream()).toList();
        }

        @Override
        public String channelId() {
            return "slack";
        }

        @Override
        public DeliveryOutcome deliver(List<Notification> message) {
            List<String> keys = message.stream().map(Notification::key).toList();
            DeliveryOutcome outcome = !script.isEmpty() ? script.poll()
                    : keys.stream().anyMatch(refused::contains) ? new DeliveryOutcome.Rejected("invalid_payload", false)
                    : new DeliveryOutcome.Delivered();
            messages.add(new Message(keys, clock.instant(), outcome instanceof DeliveryOutcome.Delivered));
            if (crashAfterNext) {
                crashAfterNext = false;
                throw new IllegalStateException("killed");
            }
            return outcome;
        }
    }
}
