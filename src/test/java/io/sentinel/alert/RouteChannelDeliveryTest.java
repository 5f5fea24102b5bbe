package io.sentinel.alert;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.sentinel.alert.dispatch.ChannelDispatcher;
import io.sentinel.alert.dispatch.DeliveryListener;
import io.sentinel.alert.dispatch.RetryPolicy;
import io.sentinel.alert.outbox.DeliveryState;
import io.sentinel.alert.outbox.Outbox;
import io.sentinel.alert.outbox.OutboxEntry;
import io.sentinel.alert.route.RouteChannelSender;
import io.sentinel.alert.webhook.WebhookPoster;
import io.sentinel.config.RouteChannelConfig;
import io.sentinel.config.Severity;
import io.sentinel.daemon.BeanNames;
import io.sentinel.http.HttpCaller;
import io.sentinel.model.AlertEvent;
import io.sentinel.kamelet.RouteTesting;
import io.sentinel.store.Database;
import io.sentinel.store.OutboxStore;
import io.sentinel.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PagerDuty channel of routes/examples/pagerduty-channel.yaml, delivered from a real outbox (H2) by the
 * channel's dispatcher to a WireMock stand-in that fails twice and then takes it: retried with the channel's
 * backoff, delivered once, and the routing key never shown.
 */
class RouteChannelDeliveryTest extends CamelTestSupport {

    private static final String ROUTING_KEY = "R0UT1NGKEY0123456789abcdef";

    @TempDir
    Path directory;

    private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
    private final WireMockServer pagerDuty = new WireMockServer(options().dynamicPort());
    private final HttpCaller http = new HttpCaller();
    private final List<String> fallbacks = new ArrayList<>();
    private Database database;
    private Outbox outbox;

    @Override
    protected void bindToRegistry(Registry registry) {
        pagerDuty.start();
        Map<String, String> environment = Map.of("PAGERDUTY_ROUTING_KEY", ROUTING_KEY,
                "PAGERDUTY_EVENTS_URL", "http://localhost:" + pagerDuty.port() + "/v2/enqueue");
        registry.bind(BeanNames.WEBHOOK_POSTER, new WebhookPoster(http, environment::get));
    }

    @Override
    protected void doPostSetup() throws Exception {
        RouteTesting.loadFile(context, Path.of("routes/examples/pagerduty-channel.yaml"));
    }

    @BeforeEach
    void openOutbox() {
        database = AlertTesting.h2(directory);
        outbox = new Outbox(new OutboxStore(database), directory.resolve("spool"));
    }

    @AfterEach
    void closeEverything() {
        database.close();
        pagerDuty.stop();
        http.close();
    }

    private ChannelDispatcher dispatcher() {
        RouteChannelSender sender = new RouteChannelSender(new RouteChannelConfig("pagerduty", "direct:pagerduty"),
                (endpoint, body, headers) -> template.send(endpoint, exchange -> {
                    exchange.getMessage().setHeaders(headers);
                    exchange.getMessage().setBody(body);
                }), clock);
        return new ChannelDispatcher(sender, outbox, RetryPolicy.STANDARD, java.time.Duration.ZERO, clock, new Random(7),
                (notification, reason, broken) -> fallbacks.add(reason + " " + broken), DeliveryListener.NONE);
    }

    @Test
    void aFailingThenRecoveringServiceGetsTheAlertOnceAfterTheChannelsRetries() {
        pagerDuty.stubFor(post("/v2/enqueue").inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(serviceUnavailable().withBody("upstream unavailable")).willSetStateTo("still down"));
        pagerDuty.stubFor(post("/v2/enqueue").inScenario("outage").whenScenarioStateIs("still down")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
        pagerDuty.stubFor(post("/v2/enqueue").inScenario("outage").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(202).withBody("{\"status\":\"success\",\"dedup_key\":\"inc-1\"}")));
        AlertEvent event = AlertTesting.firing("inc-1", "db-ping", Severity.CRITICAL, clock.instant());
        outbox.add(OutboxEntry.pending(AlertTesting.notification("inc-1/FIRING-DOWN/pagerduty", "pagerduty", event)));
        ChannelDispatcher dispatcher = dispatcher();

        for (int round = 0; round < 6; round++) {
            dispatcher.deliverDue().ifPresent(clock::set);
        }

        pagerDuty.verify(3, postRequestedFor(urlEqualTo("/v2/enqueue")).withRequestBody(equalToJson("""
                {"routing_key": "%s", "event_action": "trigger", "dedup_key": "inc-1",
                 "payload": {"summary": "FIRING [critical] db-ping DOWN (TIMEOUT): 3 failed probes in a row: timeout",
                             "source": "supabase", "severity": "critical", "component": "db-ping", "class": "TIMEOUT",
                             "custom_details": {"headline": "db-ping went DOWN (was UP).",
                                                "reason": "3 failed probes in a row: timeout", "runbook": "",
                                                "notification": "inc-1/FIRING-DOWN/pagerduty"}}}
                """.formatted(ROUTING_KEY))));
        assertThat(outbox.forIncident("inc-1")).singleElement().satisfies(entry -> {
            assertThat(entry.state()).isEqualTo(DeliveryState.DELIVERED);
            assertThat(entry.attempts()).isEqualTo(3);
        });
        assertThat(fallbacks).isEmpty();
    }

    @Test
    void aRevokedKeyBreaksTheChannelSoTheAlertGoesElsewhereAndNothingShowsTheKey() {
        pagerDuty.stubFor(post("/v2/enqueue").willReturn(aResponse().withStatus(403)
                .withBody("{\"status\":\"invalid routing key " + ROUTING_KEY + "\"}")));
        AlertEvent event = AlertTesting.firing("inc-2", "db-ping", Severity.CRITICAL, clock.instant());
        outbox.add(OutboxEntry.pending(AlertTesting.notification("inc-2/FIRING-DOWN/pagerduty", "pagerduty", event)));

        Optional<Instant> next = dispatcher().deliverDue();

        assertThat(next).isEmpty();
        assertThat(outbox.forIncident("inc-2")).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.state()).isEqualTo(DeliveryState.FAILED);
                    assertThat(entry.lastError()).contains("direct:pagerduty answered 403").doesNotContain(ROUTING_KEY);
                });
        assertThat(fallbacks).singleElement().satisfies(reason -> assertThat(reason).endsWith(" true")
                .doesNotContain(ROUTING_KEY));
    }
}
