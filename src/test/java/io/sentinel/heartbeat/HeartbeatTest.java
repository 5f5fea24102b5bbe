package io.sentinel.heartbeat;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sentinel.config.HeartbeatConfig;
import io.sentinel.http.HttpCaller;
import io.sentinel.secret.Secret;
import io.sentinel.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** The dead-man's switch against a WireMock stand-in for Healthchecks.io: when it pings, and what a failure leaves. */
class HeartbeatTest {

    private static final String TOKEN_PATH = "/ping/6f1c2a9e-4b7d-4c1e-9a53-8d2f0b7e1c44";

    @RegisterExtension
    static final WireMockExtension MONITOR = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    private static final HttpCaller CALLER = new HttpCaller();

    private final MutableClock clock = MutableClock.at("2026-11-26T09:00:00Z");
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final AtomicBoolean healthy = new AtomicBoolean(true);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(Heartbeat.class);

    @AfterAll
    static void closeCaller() {
        CALLER.close();
    }

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
    }

    @Test
    void whileHealthyEachBeatIsOneGet() {
        MONITOR.stubFor(get(TOKEN_PATH).willReturn(ok("OK")));
        Heartbeat heartbeat = heartbeat(MONITOR.baseUrl() + TOKEN_PATH);

        heartbeat.beat(null);
        heartbeat.beat(null);

        MONITOR.verify(2, getRequestedFor(urlEqualTo(TOKEN_PATH)));
        assertThat(count("sent")).isEqualTo(2);
        assertThat(log.list).isEmpty();
    }

    @Test
    void anUnhealthySentinelSendsNothingSoTheMonitorRaisesTheAlarm() {
        MONITOR.stubFor(get(TOKEN_PATH).willReturn(ok("OK")));
        Heartbeat heartbeat = heartbeat(MONITOR.baseUrl() + TOKEN_PATH);
        healthy.set(false);

        heartbeat.beat(null);
        heartbeat.beat(null);
        healthy.set(true);
        heartbeat.beat(null);

        MONITOR.verify(1, getRequestedFor(urlEqualTo(TOKEN_PATH)));
        assertThat(count("withheld")).isEqualTo(2);
        assertThat(messages()).hasSize(2);
        assertThat(messages().get(0)).contains("not healthy").contains("withheld");
        assertThat(messages().get(1)).contains("resume");
    }

    @Test
    void failuresAreCountedAndLoggedAtMostOnceAQuarterOfAnHourWithoutTheToken() {
        MONITOR.stubFor(get(TOKEN_PATH).willReturn(serverError()));
        Heartbeat heartbeat = heartbeat(MONITOR.baseUrl() + TOKEN_PATH);

        for (int minute = 0; minute < 20; minute++) {
            heartbeat.beat(null);
            clock.advance(Duration.ofMinutes(1));
        }
        MONITOR.stubFor(get(TOKEN_PATH).willReturn(ok("OK")));
        heartbeat.beat(null);

        assertThat(count("failed")).isEqualTo(20);
        assertThat(count("sent")).isEqualTo(1);
        assertThat(messages()).hasSize(3);
        assertThat(messages().get(0)).contains("failed (HTTP 500); 1 failed since 2026-11-26T09:00:00Z");
        assertThat(messages().get(1)).contains("16 failed since");
        assertThat(messages().get(2)).contains("work again, after 20 failed");
        assertThat(String.join("\n", messages())).contains("localhost").doesNotContain("6f1c2a9e");
    }

    @Test
    void anUnreachableMonitorIsAFailureNamedWithoutTheToken() {
        Heartbeat heartbeat = heartbeat("http://127.0.0.1:9" + TOKEN_PATH);

        heartbeat.beat(null);

        assertThat(count("failed")).isEqualTo(1);
        assertThat(messages().get(0)).contains("CONNECT").doesNotContain("6f1c2a9e");
    }

    @Test
    void withoutAUrlNothingHappens() {
        Heartbeat heartbeat = new Heartbeat(HeartbeatConfig.NONE, CALLER, camel -> healthy.get(), metrics, clock);

        heartbeat.beat(null);

        assertThat(MONITOR.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(count("sent") + count("failed") + count("withheld")).isZero();
    }

    private Heartbeat heartbeat(String url) {
        return new Heartbeat(new HeartbeatConfig(Secret.of(url), Duration.ofSeconds(60)), CALLER, camel -> healthy.get(),
                metrics, clock);
    }

    private double count(String outcome) {
        return metrics.get("sentinel.heartbeat.pings").tag("outcome", outcome).counter().count();
    }

    private List<String> messages() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
