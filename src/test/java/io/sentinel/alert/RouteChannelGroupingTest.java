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
import io.sentinel.alert.route.RouteChannelSender;
import io.sentinel.alert.route.RouteNotification;
import io.sentinel.config.RouteChannelConfig;
import io.sentinel.config.Severity;
import io.sentinel.model.AlertEvent;
import io.sentinel.store.Database;
import io.sentinel.store.OutboxStore;
import io.sentinel.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code type: route} channel that sets its own {@code groupWindow} hands its route one message for the alerts
 * decided together; one that does not hands it each notification alone, as a per-alert service (PagerDuty) needs.
 * A real outbox (H2), a real Camel route ending in a mock, and a clock moved by hand.
 */
class RouteChannelGroupingTest extends CamelTestSupport {

    private static final Duration WINDOW = Duration.ofMillis(200);

    @TempDir
    Path directory;

    private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
    private final List<String> fallbacks = new ArrayList<>();
    private Database database;
    private Outbox outbox;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:teams").routeId("teams-channel").to("mock:teams");
            }
        };
    }

    @BeforeEach
    void openOutbox() {
        database = AlertTesting.h2(directory);
        outbox = new Outbox(new OutboxStore(database), directory.resolve("spool"));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private ChannelDispatcher dispatcher(boolean grouping) {
        RouteChannelSender sender = new RouteChannelSender(new RouteChannelConfig("teams", "direct:teams"),
                (endpoint, body, headers) -> template.send(endpoint, exchange -> {
                    exchange.getMessage().setHeaders(headers);
                    exchange.getMessage().setBody(body);
                }), clock, grouping);
        return new ChannelDispatcher(sender, outbox, RetryPolicy.STANDARD, ChannelRate.UNLIMITED,
                grouping ? Grouping.within(WINDOW) : Grouping.NONE, clock, new Random(7),
                (notification, reason, broken) -> fallbacks.add(notification.key()), DeliveryListener.NONE);
    }

    @Test
    void alertsDecidedTogetherReachAGroupingRouteAsOneMessage() throws Exception {
        MockEndpoint teams = getMockEndpoint("mock:teams");
        teams.expectedMessageCount(1);
        fire("db-ping", Severity.HIGH);
        fire("auth-health", Severity.CRITICAL);
        fire("fn-export", Severity.HIGH);

        DispatcherDriver.deliverAll(dispatcher(true), clock);

        teams.assertIsSatisfied();
        Exchange message = teams.getReceivedExchanges().get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = message.getMessage().getBody(Map.class);
        assertThat(body).containsEntry("count", 3).containsEntry("status", "FIRING").containsEntry("severity", "critical")
                .containsEntry("level", "critical").containsEntry("channelId", "teams")
                .containsEntry("keys", List.of("db-ping@1/FIRING-DOWN/teams", "auth-health@1/FIRING-DOWN/teams",
                        "fn-export@1/FIRING-DOWN/teams"))
                .doesNotContainKeys("key", "incidentId", "eventAction");
        assertThat((String) body.get("taggedTitle")).startsWith("[CRITICAL] 3 alerts firing: db-ping DOWN, auth-health DOWN");
        assertThat((String) body.get("text")).contains("db-ping DOWN").contains("auth-health DOWN").contains("fn-export DOWN");
        assertThat((List<?>) body.get("notifications")).hasSize(3).first()
                .satisfies(first -> {
                    Map<?, ?> notification = (Map<?, ?>) first;
                    assertThat(notification.get("key")).isEqualTo("db-ping@1/FIRING-DOWN/teams");
                    assertThat(notification.get("eventAction")).isEqualTo("trigger");
                });
        assertThat(message.getMessage().getHeaders()).containsEntry(RouteNotification.COUNT_HEADER, 3)
                .containsEntry(RouteNotification.KEYS_HEADER,
                        "db-ping@1/FIRING-DOWN/teams,auth-health@1/FIRING-DOWN/teams,fn-export@1/FIRING-DOWN/teams")
                .doesNotContainKey(RouteNotification.KEY_HEADER);
        assertThat(outbox.unfinished()).isEmpty();
    }

    @Test
    void aLoneAlertIsAMessageOfOneWithTheSameShape() throws Exception {
        MockEndpoint teams = getMockEndpoint("mock:teams");
        teams.expectedMessageCount(1);
        fire("db-ping", Severity.HIGH);

        DispatcherDriver.deliverAll(dispatcher(true), clock);

        teams.assertIsSatisfied();
        @SuppressWarnings("unchecked")
        Map<String, Object> body = teams.getReceivedExchanges().get(0).getMessage().getBody(Map.class);
        assertThat(body).containsEntry("count", 1).containsEntry("taggedTitle", "[HIGH] db-ping DOWN")
                .containsKey("notifications");
    }

    @Test
    void aChannelWithoutItsOwnWindowHandsItsRouteEachNotificationAlone() throws Exception {
        MockEndpoint teams = getMockEndpoint("mock:teams");
        teams.expectedMessageCount(3);
        fire("db-ping", Severity.HIGH);
        fire("auth-health", Severity.CRITICAL);
        fire("fn-export", Severity.HIGH);

        DispatcherDriver.deliverAll(dispatcher(false), clock);

        teams.assertIsSatisfied();
        assertThat(teams.getReceivedExchanges()).extracting(exchange -> exchange.getMessage().getBody(Map.class).get("key"))
                .containsExactly("db-ping@1/FIRING-DOWN/teams", "auth-health@1/FIRING-DOWN/teams",
                        "fn-export@1/FIRING-DOWN/teams");
        assertThat(outbox.unfinished()).isEmpty();
        assertThat(outbox.forIncident("db-ping@1")).singleElement()
                .satisfies(entry -> assertThat(entry.state()).isEqualTo(DeliveryState.DELIVERED));
    }

    /** A millisecond after the previous one, so the channel's order (first written, first sent) is this order. */
    private void fire(String check, Severity severity) {
        clock.advance(Duration.ofMillis(1));
        AlertEvent event = AlertTesting.firing(check + "@1", check, severity, clock.instant());
        outbox.add(OutboxEntry.pending(AlertTesting.notification(check + "@1/FIRING-DOWN/teams", "teams", event)));
    }
}
