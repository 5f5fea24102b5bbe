package io.sentinel.alert;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.sentinel.testing.InProcessDaemon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code type: route} channel in the running daemon: a check goes DOWN and its alert leaves through a YAML route. */
class RouteChannelDaemonTest {

    @TempDir
    Path directory;

    private final WireMockServer server = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void startServer() {
        server.start();
        server.stubFor(get("/health").willReturn(serverError()));
        server.stubFor(post("/hook").willReturn(aResponse().withStatus(204)));
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void anAlertReachesTheWebhookThroughTheChannelRoute() throws Exception {
        Path route = directory.resolve("hook-channel.yaml");
        Files.writeString(route, """
                - route:
                    id: hook-channel
                    from:
                      uri: direct:hook
                      steps:
                        - to:
                            uri: kamelet:sentinel-webhook-channel-sink
                            parameters:
                              url: "http://localhost:%d/hook"
                              bodyTemplate: '{"content": "${summary}", "key": "${key}"}'
                """.formatted(server.port()));
        String config = """
                defaults: {interval: 200ms, timeout: 1s, failureThreshold: 1}
                dependencies:
                  - id: web
                    breaker: {window: 100, minimumCalls: 100}
                checks:
                  - {id: home, dependency: web, kind: http, severity: critical, url: "http://localhost:%d/health"}
                alerts:
                  routing: {critical: [hook]}
                  channels:
                    - {id: hook, type: route, endpoint: "direct:hook"}
                """.formatted(server.port());

        try (InProcessDaemon daemon = InProcessDaemon.start(directory, config, Map.of(), Clock.systemUTC(), List.of(route))) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> server.verify(1, postRequestedFor(urlEqualTo("/hook"))
                    .withRequestBody(matchingJsonPath("$.content", com.github.tomakehurst.wiremock.client.WireMock
                            .containing("FIRING [critical] home DOWN (HTTP_5XX)")))
                    .withRequestBody(matchingJsonPath("$.key", com.github.tomakehurst.wiremock.client.WireMock
                            .containing("/FIRING-DOWN/hook")))));
        }
    }
}
