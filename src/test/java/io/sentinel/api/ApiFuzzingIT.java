package io.sentinel.api;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.sentinel.json.Json;
import io.sentinel.testing.DaemonProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of hostile and sloppy requests against the real jar (see {@link FuzzedRequests}), with the API's
 * promises checked on every answer: never a 5xx, always JSON, only the API's own headers, nothing from the
 * request in them, operator actions only with the token in the Authorization header (the status page at {@code /}
 * is the one HTML answer, with its own policy headers); and afterwards, no
 * stack trace and no token in the daemon's log.
 *
 * <p>{@code -Dsentinel.fuzz.seed=…} and {@code -Dsentinel.fuzz.requests=…} change the run; the defaults are
 * fixed so every run sends the same requests. The figures of the last recorded run are in docs/reliability.md.
 */
class ApiFuzzingIT {

    private static final String TOKEN = "fz-admin-token-7c1e9a44b0";
    private static final long SEED = Long.getLong("sentinel.fuzz.seed", 20261126L);
    private static final int REQUESTS = Integer.getInteger("sentinel.fuzz.requests", 2_600);

    /** What any answer may carry: the API's own headers, the status page's and HTTP framing. */
    private static final Set<String> ALLOWED_HEADERS = Set.of("content-type", "content-length", "transfer-encoding",
            "cache-control", "www-authenticate", "allow", "retry-after", "connection", "content-security-policy",
            "x-content-type-options", "referrer-policy");

    @TempDir
    Path directory;

    @Test
    void everyAnswerKeepsTheApisPromises() throws Exception {
        WireMockServer provider = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        provider.start();
        provider.stubFor(get("/v2/account").willReturn(okJson("{}")));
        try {
            writeConfig(provider.port());
            List<String> broken = new ArrayList<>();
            Map<String, Integer> statuses = new TreeMap<>();
            Map<String, Integer> kinds = new TreeMap<>();
            int actionsAccepted = 0;
            long sending;
            String log;
            try (DaemonProcess daemon = DaemonProcess.start(directory, Map.of("SENTINEL_ADMIN_TOKEN", TOKEN))) {
                long started = System.nanoTime();
                RawHttp http = new RawHttp(daemon.port());
                FuzzedRequests requests = new FuzzedRequests(SEED, TOKEN);
                for (int index = 0; index < REQUESTS; index++) {
                    FuzzedRequests.FuzzedRequest request = requests.next(index);
                    kinds.merge(request.kind(), 1, Integer::sum);
                    try {
                        RawHttp.Response response = http.send(request.method(), request.head(), request.body());
                        statuses.merge(String.valueOf(response.status()), 1, Integer::sum);
                        check(request, response).forEach(problem -> broken.add(problem + " for " + request.describe()));
                        if (request.isOperatorAction() && response.status() < 300) {
                            actionsAccepted++;
                        }
                    } catch (IOException noAnswer) {
                        statuses.merge("no answer", 1, Integer::sum);
                        broken.add("no answer (" + noAnswer.getMessage() + ") for " + request.describe());
                    }
                    assertThat(daemon.isAlive()).as("the daemon is still running after " + request.describe()).isTrue();
                }
                sending = (System.nanoTime() - started) / 1_000_000L;
                daemon.stop();
                log = daemon.log();
            }
            System.out.printf("API fuzzing: seed %d, %d requests in %.1f s; %d operator actions accepted%n"
                    + "  statuses: %s%n  kinds: %s%n", SEED, REQUESTS, sending / 1000.0, actionsAccepted, statuses, kinds);

            assertThat(broken.subList(0, Math.min(25, broken.size()))).as("broken promises (first 25 of %d)", broken.size())
                    .isEmpty();
            assertThat(log.lines().filter(line -> line.startsWith("\tat ") || line.startsWith("Caused by:")
                    || line.contains(" ERROR ")).limit(20).toList()).as("stack traces and errors in the daemon log").isEmpty();
            assertThat(log).as("the admin token never reaches the log").doesNotContain(TOKEN);
        } finally {
            provider.stop();
        }
    }

    private static List<String> check(FuzzedRequests.FuzzedRequest request, RawHttp.Response response) {
        List<String> problems = new ArrayList<>();
        int status = response.status();
        if (!(status >= 200 && status < 300) && !(status >= 400 && status < 500)) {
            problems.add("status " + status);
        }
        for (RawHttp.Header header : response.headers()) {
            if (!ALLOWED_HEADERS.contains(header.name().toLowerCase(Locale.ROOT))) {
                problems.add("header outside the allow-list: " + header.name());
            }
            if ((header.name() + header.value()).contains(request.canary())) {
                problems.add("request value reflected in header " + header.name() + ": " + header.value());
            }
        }
        String contentType = response.header("Content-Type").orElse("");
        // the metrics, and the reports asked for in Markdown, are the answers that are not JSON
        boolean metrics = status == 200 && (request.path().startsWith("/observe/metrics")
                || (request.path().contains("report") && contentType.equals("text/markdown; charset=utf-8")));
        // the status page is the one HTML answer, and only as a success: its errors are JSON like every other
        boolean page = request.path().equals("/") && status == 200;
        if (page && (!contentType.equals("text/html; charset=utf-8")
                || !response.header("Content-Security-Policy").orElse("").startsWith("default-src 'none'"))) {
            problems.add("status page with Content-Type '" + contentType + "' or without its Content-Security-Policy");
        }
        if (!metrics && !page && !contentType.startsWith("application/json")) {
            problems.add("Content-Type '" + contentType + "' with status " + status);
        }
        if (!metrics && !page && !request.method().equals("HEAD")) {
            problems.addAll(checkJson(response));
        }
        if (status == 405 && response.header("Allow").isEmpty()) {
            problems.add("405 without Allow");
        }
        if (request.isOperatorAction() && status >= 200 && status < 300 && !request.rightTokenInHeader()) {
            problems.add("operator action " + status + " without the token in the Authorization header");
        }
        return problems;
    }

    private static List<String> checkJson(RawHttp.Response response) {
        try {
            JsonNode body = Json.mapper().readTree(response.body());
            if (body == null || !body.isContainerNode()) {
                return List.of("body is not a JSON object or array: " + abbreviate(response.body()));
            }
            if (response.status() >= 400 && (body.path("status").asInt() != response.status() || !body.path("error").isTextual())) {
                return List.of("error body without status and error: " + abbreviate(response.body()));
            }
            return List.of();
        } catch (IOException notJson) {
            return List.of("body is not JSON: " + abbreviate(response.body()));
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private void writeConfig(int providerPort) throws IOException {
        Files.createDirectories(directory.resolve("config"));
        Files.writeString(directory.resolve("config/sentinel.yaml"), """
                defaults:
                  interval: 5s
                dependencies:
                  - id: hunter
                    description: Hunter.io email finder
                checks:
                  - id: hunter-account
                    dependency: hunter
                    kind: http
                    url: http://127.0.0.1:%d/v2/account
                """.formatted(providerPort));
    }

}
