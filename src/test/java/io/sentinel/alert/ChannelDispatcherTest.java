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

    private void add(String key) {
        AlertEvent event = AlertTesting.firing(key.substring(0, key.indexOf('/')), "db-ping", Severity.HIGH, clock.instant());
        outbox.add(OutboxEntry.pending(AlertTesting.notification(key, "slack", event)));
    }

    private static DeliveryOutcome retry() {
        return new DeliveryOutcome.RetryLater("HTTP 500", Optional.empty());
    }

    /** A channel that answers from a script, then delivers. */
    private static final class ScriptedChannel implements ChannelSender {
        private final Deque<DeliveryOutcome> script = new ArrayDeque<>();
        private final List<String> sent = new ArrayList<>();

        void script(DeliveryOutcome... outcomes) {
            script.addAll(List.of(outcomes));
        }

        @Override
        public String channelId() {
            return "slack";
        }

        @Override
        public DeliveryOutcome deliver(Notification notification) {
            sent.add(notification.key());
            return script.isEmpty() ? new DeliveryOutcome.Delivered() : script.poll();
        }
    }
}
