package io.sentinel.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.sentinel.testing.DaemonProcess;
import io.sentinel.testing.HeadlessChromium;
import io.sentinel.testing.StatusView;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page in a real browser (headless Chromium) against the daemon started from the jar: it shows every
 * check the API reports with the API's state, the failing one as DOWN in words, a check with no result yet as
 * such; its script runs under its own Content-Security-Policy; and screenshots are kept under target/ to look at.
 */
class StatusPageIT {

    private static final Pattern CHECK_ITEM = Pattern.compile("<li [^>]*data-check=\"([^\"]+)\"[^>]*>");
    private static final Pattern STATE = Pattern.compile("data-state=\"([A-Z]+)\"");

    @TempDir
    Path directory;

    @Test
    void thePageShowsWhatTheApiReportsWithTheFailingCheckDown() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require(directory);
        WireMockServer target = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        target.start();
        target.stubFor(get("/home").willReturn(okJson("{\"status\":\"ok\"}")));
        target.stubFor(get("/auth/v1/health").willReturn(serverError().withBody("upstream down")));
        // answers long after the test is over: this check has no result while the page is looked at
        target.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(600_000)));
        try {
            writeConfig(target.port());
            try (DaemonProcess daemon = DaemonProcess.start(directory, Map.of())) {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                        StatusView.state(daemon, "auth-health").equals("DOWN") && StatusView.state(daemon, "home").equals("UP"));
                String page = "http://127.0.0.1:" + daemon.port() + "/";

                HeadlessChromium.Result dom = chromium.dumpDom(page, 8_000);
                HttpResponse<String> status = daemon.get("/api/status");
                chromium.screenshot(page, Path.of("target", "status-page.png"), 1280, 1000, 8_000);
                chromium.screenshot(page, Path.of("target", "status-page-phone.png"), 390, 1400, 8_000);

                Map<String, String> apiStates = new LinkedHashMap<>();
                for (JsonNode check : StatusView.parse(status.body()).path("checks")) {
                    apiStates.put(check.path("id").asText(), check.path("state").asText());
                }
                Map<String, String> shown = checksShown(dom.output());
                assertThat(shown).as("checks on the page (browser log:\n%s)", dom.log()).isEqualTo(apiStates);
                assertThat(shown).containsEntry("auth-health", "DOWN").containsEntry("home", "UP")
                        .containsEntry("slow-page", "UNKNOWN");
                assertThat(item(dom.output(), "auth-health")).contains("DOWN</span>").contains("DOWN since")
                        .contains("HTTP_5XX");
                assertThat(item(dom.output(), "slow-page")).contains("No result yet");
                assertThat(item(dom.output(), "hunter-account")).contains("SKIPPED").contains("set HUNTER_API_KEY");
                assertThat(dom.output()).contains("Last refresh").contains("1 DOWN").contains("data-incident=\"incident:supabase-auth@")
                        .contains("data-breaker=");
                assertThat(dom.log()).doesNotContain("Content Security Policy").doesNotContain("Refused to");
                assertThat(Path.of("target", "status-page.png")).isNotEmptyFile();
                assertThat(Path.of("target", "status-page-phone.png")).isNotEmptyFile();
            }
        } finally {
            target.stop();
        }
    }

    @Test
    void thePageItselfCarriesItsPolicyAndNoSecret() throws Exception {
        writeConfig(9);
        try (DaemonProcess daemon = DaemonProcess.start(directory, Map.of("HUNTER_API_KEY", "hunter-page-key-93b1d0e4c7"))) {
            HttpResponse<String> page = daemon.get("/");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                    .startsWith("default-src 'none'; script-src 'sha256-").contains("connect-src 'self'")
                    .doesNotContain("unsafe-inline");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            // nothing loaded from elsewhere: no CDN, works offline
            assertThat(page.body()).doesNotContain("hunter-page-key").doesNotContainPattern("(src|href)=\"(https?:)?//")
                    .doesNotContain("<script src").doesNotContain("<link rel=\"stylesheet\"").doesNotContain("@import");
            assertThat(daemon.get("/api").body()).contains("\"status\":\"/api/status\"");
        }
    }

    private void writeConfig(int targetPort) throws Exception {
        Files.createDirectories(directory.resolve("config"));
        Files.writeString(directory.resolve("config/sentinel.yaml"), """
                defaults:
                  interval: 1s
                  timeout: 1s
                  failureThreshold: 2
                  successThreshold: 1
                dependencies:
                  - id: frontend
                  - id: supabase-auth
                    # the page must show the probe's own failure, not the short circuit of a breaker that opened meanwhile
                    breaker: {window: 100, minimumCalls: 100}
                  - id: hunter
                checks:
                  - {id: home, dependency: frontend, kind: http, url: "http://127.0.0.1:%1$d/home"}
                  - {id: slow-page, dependency: frontend, kind: http, interval: 10m, timeout: 5m,
                     url: "http://127.0.0.1:%1$d/slow"}
                  - {id: auth-health, dependency: supabase-auth, kind: http, severity: critical,
                     url: "http://127.0.0.1:%1$d/auth/v1/health"}
                  - {id: hunter-account, dependency: hunter, kind: hunter, apiKey: "${HUNTER_API_KEY:}"}
                """.formatted(targetPort));
    }

    /** Check id → the state the page shows for it, in page order. */
    private static Map<String, String> checksShown(String dom) {
        Map<String, String> shown = new LinkedHashMap<>();
        Matcher item = CHECK_ITEM.matcher(dom);
        while (item.find()) {
            Matcher state = STATE.matcher(item.group());
            shown.put(item.group(1), state.find() ? state.group(1) : "(none)");
        }
        return shown;
    }

    /** The page's list item of one check, up to its end. */
    private static String item(String dom, String checkId) {
        int start = dom.indexOf("data-check=\"" + checkId + "\"");
        assertThat(start).as("the page shows check %s", checkId).isNotNegative();
        int end = dom.indexOf("</li>", start);
        return dom.substring(start, end < 0 ? dom.length() : end);
    }
}
