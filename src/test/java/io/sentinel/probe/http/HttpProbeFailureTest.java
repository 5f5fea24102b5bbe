package io.sentinel.probe.http;

import io.sentinel.http.HttpCaller;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.sentinel.probe.http.HttpChecks.check;
import static io.sentinel.probe.http.HttpChecks.closedPort;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeResult;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calls that produce no usable response: each failure is classified, bounded by the deadline, and keeps secrets out. */
class HttpProbeFailureTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    /** Far above any honest result here; only a deadline that is not enforced at all gets near it. */
    private static final Duration GENEROUS_BOUND = Duration.ofSeconds(5);

    private static WireMockServer server;
    private static HttpCaller caller;
    private final HttpProbe probe = new HttpProbe(caller, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeAll
    static void start() {
        // gzip would buffer a dribbled body until its end, turning the trickle test into a plain read timeout
        server = new WireMockServer(options().dynamicPort().dynamicHttpsPort().gzipDisabled(true));
        server.start();
        caller = new HttpCaller();
    }

    @AfterAll
    static void stop() {
        caller.close();
        server.stop();
    }

    @BeforeEach
    void forgetStubsAndRequests() {
        server.resetAll();
    }

    @Test
    void aTargetThatNeverAnswersTimesOutAtTheDeadline() {
        server.stubFor(get("/hang").willReturn(aResponse().withStatus(200).withFixedDelay(10_000)));

        long started = System.nanoTime();
        ProbeResult result = probe.probe(check(HttpCheckOptions.get(url("/hang")), Duration.ofSeconds(1), Optional.empty()));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(GENEROUS_BOUND);
        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.failureClass()).isEqualTo(FailureClass.TIMEOUT);
        assertThat(result.message()).isEqualTo("no complete response within 1s");
        assertThat(result.httpStatus()).isZero();
    }

    @Test
    void aBodyThatTricklesInPastTheDeadlineTimesOut() {
        server.stubFor(get("/trickle").willReturn(aResponse().withStatus(200)
                .withBody("x".repeat(2_000)).withChunkedDribbleDelay(20, 10_000)));

        long started = System.nanoTime();
        ProbeResult result = probe.probe(check(HttpCheckOptions.get(url("/trickle")), Duration.ofSeconds(1), Optional.empty()));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(GENEROUS_BOUND);
        assertThat(result.failureClass()).isEqualTo(FailureClass.TIMEOUT);
        assertThat(result.message()).isEqualTo("no complete response within 1s");
    }

    @Test
    void aClosedPortIsAConnectFailure() throws IOException {
        ProbeResult result = probe(URI.create("http://127.0.0.1:" + closedPort() + "/health"));

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.failureClass()).isEqualTo(FailureClass.CONNECT);
        assertThat(result.message()).startsWith("could not connect to 127.0.0.1:").contains("refused");
        assertThat(result.httpStatus()).isZero();
    }

    @Test
    void anUnknownHostIsADnsFailure() {
        ProbeResult result = probe(URI.create("http://no-such-host.invalid/"));

        assertThat(result.failureClass()).isEqualTo(FailureClass.DNS);
        assertThat(result.message()).isEqualTo("host name no-such-host.invalid did not resolve");
    }

    @Test
    void anUntrustedCertificateIsATlsFailure() {
        server.stubFor(get("/health").willReturn(aResponse().withStatus(200)));

        ProbeResult result = probe(URI.create("https://localhost:" + server.httpsPort() + "/health"));

        assertThat(result.failureClass()).isEqualTo(FailureClass.TLS);
        assertThat(result.message()).startsWith("TLS handshake with localhost:" + server.httpsPort() + " failed: ");
    }

    @Test
    void aConnectionResetByThePeerIsAConnectFailure() {
        server.stubFor(get("/reset").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        ProbeResult result = probe(url("/reset"));

        assertThat(result.failureClass()).isEqualTo(FailureClass.CONNECT);
    }

    @Test
    void aKeyInTheQueryStringNeverAppearsInAMessage() throws IOException {
        String query = "?key=SuperSecretKey123";
        server.stubFor(get(urlEqualTo("/maps" + query)).willReturn(aResponse().withStatus(500)
                .withBody("error calling http://localhost/maps" + query)));
        server.stubFor(get(urlEqualTo("/hang" + query)).willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));

        List<ProbeResult> results = new ArrayList<>();
        results.add(probe(URI.create(url("/maps") + query)));
        results.add(probe(URI.create("http://no-such-host.invalid/maps" + query)));
        results.add(probe(URI.create("http://127.0.0.1:" + closedPort() + "/maps" + query)));
        results.add(probe.probe(check(HttpCheckOptions.get(URI.create(url("/hang") + query)), Duration.ofSeconds(1), Optional.empty())));

        assertThat(results).extracting(ProbeResult::failureClass)
                .containsExactly(FailureClass.HTTP_5XX, FailureClass.DNS, FailureClass.CONNECT, FailureClass.TIMEOUT);
        assertThat(results).extracting(ProbeResult::message).allSatisfy(message ->
                assertThat(message).doesNotContain("SuperSecretKey123"));
    }

    private ProbeResult probe(URI url, String... conditions) {
        return probe.probe(HttpChecks.get(url, conditions));
    }

    private static URI url(String path) {
        return URI.create("http://localhost:" + server.port() + path);
    }
}
