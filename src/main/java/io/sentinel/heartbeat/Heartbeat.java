package io.sentinel.heartbeat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sentinel.config.HeartbeatConfig;
import io.sentinel.http.HttpCallFailure;
import io.sentinel.http.HttpCaller;
import io.sentinel.http.HttpRequestSpec;
import io.sentinel.http.HttpResponseSnapshot;
import io.sentinel.secret.Redactor;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-man's switch ({@code heartbeat.url}): the {@code heartbeat} route calls {@link #beat} every
 * {@code heartbeat.interval}, and while Sentinel is healthy (what {@code /observe/health} answers) it sends one GET.
 * When Sentinel dies, hangs or turns unhealthy the pings stop, and the service receiving them raises the alarm.
 *
 * <p>A failed ping is logged (the first, then at most one line per {@link #LOG_EVERY} while they keep failing, and
 * one when they work again) and counted in {@code sentinel_heartbeat_pings_total{outcome="failed"}}; it never
 * becomes a Sentinel alert, which would make Sentinel's own alerting depend on the service that watches it. The
 * URL is a secret and is never written anywhere: messages name the host only.
 */
public final class Heartbeat {

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);
    /** While pings keep failing, the log hears of it this often. */
    static final Duration LOG_EVERY = Duration.ofMinutes(15);
    static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

    private final HeartbeatConfig config;
    private final HttpCaller http;
    private final Predicate<CamelContext> healthy;
    private final Clock clock;
    private final Counter sent;
    private final Counter failed;
    private final Counter withheld;
    private Instant failingSince;
    private Instant lastFailureLogged;
    private int failedInARow;
    private boolean withholding;

    public Heartbeat(HeartbeatConfig config, HttpCaller http, MeterRegistry metrics, Clock clock) {
        this(config, http, Heartbeat::isHealthy, metrics, clock);
    }

    Heartbeat(HeartbeatConfig config, HttpCaller http, Predicate<CamelContext> healthy, MeterRegistry metrics, Clock clock) {
        this.config = config;
        this.http = http;
        this.healthy = healthy;
        this.clock = clock;
        this.sent = pings(metrics, "sent");
        this.failed = pings(metrics, "failed");
        this.withheld = pings(metrics, "withheld");
    }

    /** What {@code /observe/health} answers 200 for: every Camel health check of the daemon is UP. */
    static boolean isHealthy(CamelContext camel) {
        return HealthCheckHelper.isResultsUp(HealthCheckHelper.invoke(camel), false);
    }

    /** Called by the route; Camel passes its context. One beat at a time: the route's scheduler has one thread. */
    public synchronized void beat(CamelContext camel) {
        if (!config.isEnabled()) {
            return;
        }
        if (!healthy.test(camel)) {
            withheld.increment();
            if (!withholding) {
                LOG.warn("Sentinel is not healthy (/observe/health): heartbeat pings to {} are withheld until it is", host());
                withholding = true;
            }
            return;
        }
        if (withholding) {
            LOG.info("Sentinel is healthy again: heartbeat pings to {} resume", host());
            withholding = false;
        }
        ping();
    }

    private void ping() {
        Duration wait = config.interval().compareTo(LONGEST_WAIT) < 0 ? config.interval() : LONGEST_WAIT;
        String failure;
        try {
            HttpResponseSnapshot response = http.call(HttpRequestSpec.get(URI.create(config.url().value().strip())), wait, wait);
            if (response.status() >= 200 && response.status() < 300) {
                succeeded();
                return;
            }
            failure = "HTTP " + response.status();
        } catch (HttpCallFailure callFailure) {
            failure = callFailure.failureClass() + ": " + callFailure.getMessage();
        } catch (RuntimeException unexpected) {
            failure = Redactor.global().describe(unexpected);
        }
        failed(Redactor.global().redact(failure));
    }

    private void succeeded() {
        sent.increment();
        if (failingSince != null) {
            LOG.info("Heartbeat pings to {} work again, after {} failed since {}", host(), failedInARow, failingSince);
            failingSince = null;
            lastFailureLogged = null;
            failedInARow = 0;
        }
    }

    private void failed(String reason) {
        failed.increment();
        Instant now = clock.instant();
        failedInARow++;
        if (failingSince == null) {
            failingSince = now;
        }
        if (lastFailureLogged == null || !now.isBefore(lastFailureLogged.plus(LOG_EVERY))) {
            LOG.warn("Heartbeat ping to {} failed ({}); {} failed since {}; the next report of this in {} at the earliest",
                    host(), reason, failedInARow, failingSince, LOG_EVERY.toMinutes() + "m");
            lastFailureLogged = now;
        }
    }

    /** The host, which is not secret, for messages; the path and query usually are. */
    private String host() {
        try {
            String host = URI.create(config.url().value().strip()).getHost();
            return host == null ? "the heartbeat URL" : host;
        } catch (IllegalArgumentException malformed) {
            return "the heartbeat URL";
        }
    }

    private static Counter pings(MeterRegistry metrics, String outcome) {
        return Counter.builder("sentinel.heartbeat.pings").description("Heartbeat pings to heartbeat.url, by outcome")
                .tag("outcome", outcome).register(metrics);
    }
}
