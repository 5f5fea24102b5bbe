package io.sentinel.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.sentinel.model.FailureClass;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpCallerTest {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private static WireMockServer server;
    private static HttpCaller caller;

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        caller = new HttpCaller();
    }

    @AfterAll
    static void stop() {
        caller.close();
        server.stop();
    }

    @BeforeEach
    void forgetStubs() {
        server.resetAll();
    }

    @Test
    void everyCallOpensItsOwnConnectionEvenWhenTheServerOffersKeepAlive() throws Exception {
        try (KeepAliveServer keepAlive = new KeepAliveServer()) {
            HttpResponseSnapshot first = caller.call(HttpRequestSpec.get(keepAlive.uri("/one")), CONNECT_TIMEOUT, DEADLINE);
            HttpResponseSnapshot second = caller.call(HttpRequestSpec.get(keepAlive.uri("/two")), CONNECT_TIMEOUT, DEADLINE);

            assertThat(first.body()).isEqualTo("ok");
            assertThat(second.body()).isEqualTo("ok");
            assertThat(keepAlive.connectionsAccepted()).isEqualTo(2);
        }
    }

    @Test
    void aBodyOfExactlyTheLimitIsNotTruncated() throws Exception {
        server.stubFor(get("/limit").willReturn(aResponse().withBody("b".repeat(HttpCaller.BODY_LIMIT_BYTES))));

        HttpResponseSnapshot response = call("/limit");

        assertThat(response.truncated()).isFalse();
        assertThat(response.body()).hasSize(HttpCaller.BODY_LIMIT_BYTES);
    }

    @Test
    void aBodyOneByteOverTheLimitIsTruncatedToTheLimit() throws Exception {
        server.stubFor(get("/over").willReturn(aResponse().withBody("b".repeat(HttpCaller.BODY_LIMIT_BYTES + 1))));

        HttpResponseSnapshot response = call("/over");

        assertThat(response.truncated()).isTrue();
        assertThat(response.body()).hasSize(HttpCaller.BODY_LIMIT_BYTES);
    }

    @Test
    void theBodyIsDecodedWithTheCharsetTheResponseNames() throws Exception {
        server.stubFor(get("/latin").willReturn(aResponse().withHeader("Content-Type", "text/plain; charset=ISO-8859-1")
                .withBody("café".getBytes(StandardCharsets.ISO_8859_1))));
        server.stubFor(get("/utf8").willReturn(aResponse().withBody("café".getBytes(StandardCharsets.UTF_8))));

        assertThat(call("/latin").body()).isEqualTo("café");
        assertThat(call("/utf8").body()).isEqualTo("café");
    }

    @Test
    void headersAreFoundWithoutRegardToCaseWithEveryValueKept() throws Exception {
        server.stubFor(get("/cookies").willReturn(aResponse()
                .withHeader("Set-Cookie", "a=1").withHeader("Set-Cookie", "b=2").withHeader("X-Cache", "HIT")));

        ResponseHeaders headers = call("/cookies").headers();

        assertThat(headers.all("set-cookie")).containsExactly("a=1", "b=2");
        assertThat(headers.first("x-cache")).contains("HIT");
        assertThat(headers.first("X-Missing")).isEmpty();
    }

    @Test
    void theLatencyCoversTheWholeResponse() throws Exception {
        server.stubFor(get("/slow").willReturn(aResponse().withFixedDelay(200)));

        assertThat(call("/slow").latency()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aClosedCallerFailsInsteadOfHanging() {
        HttpCaller closed = new HttpCaller();
        closed.close();

        HttpCallFailure failure = catchThrowableOfType(HttpCallFailure.class,
                () -> closed.call(HttpRequestSpec.get(url("/any")), CONNECT_TIMEOUT, DEADLINE));

        assertThat(failure.failureClass()).isEqualTo(FailureClass.INTERNAL);
    }

    private static HttpResponseSnapshot call(String path) throws HttpCallFailure {
        return caller.call(HttpRequestSpec.get(url(path)), CONNECT_TIMEOUT, DEADLINE);
    }

    private static URI url(String path) {
        return URI.create("http://localhost:" + server.port() + path);
    }
}
