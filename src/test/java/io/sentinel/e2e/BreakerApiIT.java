package io.sentinel.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.sentinel.testing.DaemonProcess;
import io.sentinel.testing.StatusView;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The breaker API as the app and operators see it, on the real jar: reads, and guarded actions. */
class BreakerApiIT {

    private static final String TOKEN = "s3cr3t-admin-token-0f9e8d7c";

    @TempDir
    Path directory;

    private WireMockServer provider;

    @BeforeEach
    void writeConfig() throws Exception {
        provider = new WireMockServer(options().dynamicPort());
        provider.start();
        provider.stubFor(get("/v2/account").willReturn(okJson("{}")));
        Files.createDirectories(directory.resolve("config"));
        Files.writeString(directory.resolve("config/sentinel.yaml"), """
                defaults:
                  interval: 1s
                dependencies:
                  - id: hunter
                    description: Hunter.io email finder
                checks:
                  - id: hunter-account
                    dependency: hunter
                    kind: http
                    url: http://localhost:%d/v2/account
                """.formatted(provider.port()));
    }

    @AfterEach
    void stopProvider() {
        provider.stop();
    }

    @Test
    void breakersAreListedForAppsWithShortCaching() throws Exception {
        try (DaemonProcess daemon = DaemonProcess.start(directory, Map.of())) {
            HttpResponse<String> list = daemon.get("/api/breakers");
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.headers().firstValue("Cache-Control")).hasValue("max-age=5");
            JsonNode hunter = StatusView.parse(list.body()).path("breakers").get(0);
            assertThat(hunter.path("dependency").asText()).isEqualTo("hunter");
            assertThat(hunter.path("state").asText()).isEqualTo("CLOSED");
            assertThat(hunter.path("available").asBoolean()).isTrue();
            assertThat(hunter.path("checks").get(0).asText()).isEqualTo("hunter-account");

            HttpResponse<String> unknown = daemon.get("/api/breakers/huntr");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(StatusView.parse(unknown.body()).path("error").asText()).contains("no dependency with id 'huntr'");
        }
    }

    @Test
    void withoutATokenConfiguredOperatorActionsAreRefusedAndSayWhy() throws Exception {
        try (DaemonProcess daemon = DaemonProcess.start(directory, Map.of())) {
            HttpResponse<String> refused = daemon.post("/api/breakers/hunter/force-open", "{\"reason\":\"test\"}",
                    Map.of("Authorization", "Bearer anything"));

            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("set SENTINEL_ADMIN_TOKEN");
            assertThat(StatusView.parse(daemon.get("/api/breakers/hunter").body()).path("state").asText()).isEqualTo("CLOSED");
        }
    }

    @Test
    void aWrongTokenIsUnauthorizedAndTheRightOneActsWithoutEverBeingLogged() throws Exception {
        try (DaemonProcess daemon = DaemonProcess.start(directory, Map.of("SENTINEL_ADMIN_TOKEN", TOKEN))) {
            HttpResponse<String> wrong = daemon.post("/api/breakers/hunter/force-open", "{\"reason\":\"test\"}",
                    Map.of("Authorization", "Bearer not-the-token"));
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.headers().firstValue("WWW-Authenticate")).isPresent();
            assertThat(daemon.post("/api/breakers/hunter/force-open", "{\"reason\":\"test\"}", Map.of()).statusCode())
                    .isEqualTo(401);

            Map<String, String> auth = Map.of("Authorization", "Bearer " + TOKEN);
            assertThat(daemon.post("/api/breakers/hunter/force-open", "", auth).statusCode())
                    .as("a reason is required").isEqualTo(400);
            HttpResponse<String> forced = daemon.post("/api/breakers/hunter/force-open",
                    "{\"reason\":\"Hunter credits exhausted, see INC-7\"}", auth);
            assertThat(forced.statusCode()).isEqualTo(200);
            assertThat(StatusView.parse(forced.body()).path("state").asText()).isEqualTo("FORCED_OPEN");
            assertThat(StatusView.parse(forced.body()).path("available").asBoolean()).isFalse();

            HttpResponse<String> reset = daemon.post("/api/breakers/hunter/reset", "{\"reason\":\"credits topped up\"}", auth);
            assertThat(StatusView.parse(reset.body()).path("state").asText()).isEqualTo("CLOSED");
            // an operator's action has no probe result to ride on: the pending-alerts route collects it within a second
            await().atMost(Duration.ofSeconds(30)).until(() -> daemon.log().contains("hunter disabled by an operator until closed"));

            daemon.stop();
            assertThat(daemon.log())
                    .contains("Operator moved the hunter breaker from CLOSED to FORCED_OPEN: Hunter credits exhausted, see INC-7")
                    .contains("hunter disabled by an operator until closed")
                    .doesNotContain(TOKEN);
        }
    }
}
