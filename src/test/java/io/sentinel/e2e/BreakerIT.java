package io.sentinel.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.sentinel.testing.InProcessDaemon;
import io.sentinel.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One breaker per dependency, against a real HTTP target: it opens after the configured failures, stops the
 * calls (WireMock's journal proves it), lets only the half-open trials through, closes on recovery, obeys
 * operators, and survives a restart. Time in the breaker is a clock the test moves.
 */
class BreakerIT {

    private static final String TOKEN = "admin-token-for-tests-42";

    @TempDir
    Path directory;

    private WireMockServer provider;
    private final MutableClock clock = new MutableClock(Instant.now());

    @BeforeEach
    void startProvider() {
        provider = new WireMockServer(options().dynamicPort());
        provider.start();
        provider.stubFor(get("/places").willReturn(serverError()));
    }

    @AfterEach
    void stopProvider() {
        provider.stop();
    }

    private String config(String body) {
        return """
                defaults:
                  interval: 100ms
                  timeout: 2s
                dependencies:
                  - id: google-places
                    breaker:
                      window: 4
                      minimumCalls: 4
                      failureRate: 50
                      waitInOpen: 30s
                      halfOpenTrials: 2
                checks:
                  - id: places-search
                    dependency: google-places
                    kind: http
                    url: http://localhost:%d/places
                %s""".formatted(provider.port(), body);
    }

    @Test
    void anOpenBreakerStopsTheCallsExceptTheHalfOpenTrialsAndRecoveryClosesIt() throws Exception {
        try (InProcessDaemon daemon = InProcessDaemon.start(directory, config(""), Map.of(), clock)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> state(daemon).equals("OPEN"));
            assertThat(calls()).as("the window's four failures, then nothing").isEqualTo(4);

            awaitShortCircuited(daemon, 5);
            assertThat(calls()).as("no call while open").isEqualTo(4);
            assertThat(daemon.json("/api/checks/places-search", "/state")).as("keeps its last real state").isEqualTo("DOWN");
            assertThat(daemon.json("/api/checks/places-search", "/lastResult/message"))
                    .contains("google-places breaker open since").contains("next trial at");

            clock.advance(Duration.ofSeconds(31));
            await().atMost(Duration.ofSeconds(15)).until(() -> calls() == 6 && state(daemon).equals("OPEN"));
            awaitShortCircuited(daemon, 5);
            assertThat(calls()).as("exactly the two half-open trials, which failed").isEqualTo(6);

            provider.stubFor(get("/places").willReturn(okJson("{\"places\":[]}")));
            clock.advance(Duration.ofSeconds(31));
            await().atMost(Duration.ofSeconds(15)).until(() -> state(daemon).equals("CLOSED"));
            await().atMost(Duration.ofSeconds(15)).until(() -> calls() > 10);
            assertThat(daemon.json("/api/breakers/google-places", "/available")).isEqualTo("true");
        }
    }

    @Test
    void aHealthyStatusWithAnErrorBodyOpensTheBreakerLikeA500() throws Exception {
        provider.stubFor(get("/places").willReturn(okJson("{\"status\":\"REQUEST_DENIED\"}")));
        String conditions = """
                    conditions:
                      - "[BODY].status == \\"OK\\""
                """;
        try (InProcessDaemon daemon = InProcessDaemon.start(directory, config(conditions), Map.of(), clock)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> state(daemon).equals("OPEN"));

            assertThat(calls()).isEqualTo(4);
            assertThat(daemon.json("/api/breakers/google-places", "/lastFailure/failureClass")).isEqualTo("CONDITION");
            assertThat(daemon.json("/api/breakers/google-places", "/failureRate")).isEqualTo("100.0");
        }
    }

    @Test
    void forceOpenStopsAllCallsAtOnceAndCloseResumesThem() throws Exception {
        provider.stubFor(get("/places").willReturn(okJson("{}")));
        Map<String, String> auth = Map.of("Authorization", "Bearer " + TOKEN);
        try (InProcessDaemon daemon = InProcessDaemon.start(directory, config(""), Map.of("SENTINEL_ADMIN_TOKEN", TOKEN), clock)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> calls() >= 3);

            var forced = daemon.post("/api/breakers/google-places/force-open", "{\"reason\":\"Google billing incident\"}", auth);
            assertThat(forced.statusCode()).isEqualTo(200);
            assertThat(state(daemon)).isEqualTo("FORCED_OPEN");
            int atForce = calls();
            awaitShortCircuited(daemon, 5);
            assertThat(calls()).as("at most the probe already in flight").isLessThanOrEqualTo(atForce + 1);
            assertThat(daemon.json("/api/checks/places-search", "/lastResult/message")).contains("forced open by an operator");

            clock.advance(Duration.ofHours(1));
            awaitShortCircuited(daemon, 5);
            assertThat(state(daemon)).as("forced stays forced, whatever the time").isEqualTo("FORCED_OPEN");

            var closed = daemon.post("/api/breakers/google-places/close", "{\"reason\":\"billing fixed\"}", auth);
            assertThat(closed.statusCode()).isEqualTo(200);
            int atClose = calls();
            await().atMost(Duration.ofSeconds(15)).until(() -> calls() >= atClose + 3);
            assertThat(state(daemon)).isEqualTo("CLOSED");
        }
    }

    @Test
    void anOpenBreakerIsStillOpenAfterARestartAndTriesAgainAfterTheRemainingWait() throws Exception {
        try (InProcessDaemon first = InProcessDaemon.start(directory, config(""), Map.of(), clock)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> state(first).equals("OPEN"));
        }
        int callsBeforeRestart = calls();
        clock.advance(Duration.ofSeconds(10));

        try (InProcessDaemon second = InProcessDaemon.start(directory, config(""), Map.of(), clock)) {
            assertThat(state(second)).isEqualTo("OPEN");
            awaitShortCircuited(second, 3);
            assertThat(calls()).as("the wait is not restarted, and not skipped").isEqualTo(callsBeforeRestart);

            clock.advance(Duration.ofSeconds(21));
            await().atMost(Duration.ofSeconds(15)).until(() -> calls() == callsBeforeRestart + 2);
        }
    }

    private String state(InProcessDaemon daemon) throws Exception {
        return daemon.json("/api/breakers/google-places", "/state");
    }

    private int calls() {
        return provider.countRequestsMatching(getRequestedFor(urlEqualTo("/places")).build()).getCount();
    }

    /** Waits until the check has produced {@code count} more short-circuited results: time passes, no sleeping. */
    private static void awaitShortCircuited(InProcessDaemon daemon, int count) throws Exception {
        double start = shortCircuited(daemon);
        await().atMost(Duration.ofSeconds(15)).until(() -> shortCircuited(daemon) >= start + count);
    }

    private static double shortCircuited(InProcessDaemon daemon) throws Exception {
        return daemon.get("/observe/metrics").body().lines()
                .filter(line -> line.startsWith("sentinel_probe_results_total{") && line.contains("check=\"places-search\"")
                        && line.contains("outcome=\"SHORT_CIRCUITED\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
