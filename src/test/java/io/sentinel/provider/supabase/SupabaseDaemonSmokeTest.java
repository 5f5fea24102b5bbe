package io.sentinel.provider.supabase;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sentinel.config.ConfigLoader;
import io.sentinel.config.SentinelConfig;
import io.sentinel.daemon.BuiltInKinds;
import io.sentinel.daemon.DaemonOptions;
import io.sentinel.daemon.SentinelDaemon;
import io.sentinel.provider.ProviderServer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The shipped route templates and probe beans of the Supabase kinds run inside the real daemon. */
class SupabaseDaemonSmokeTest {

    @RegisterExtension
    static final ProviderServer PROJECT = new ProviderServer();

    @TempDir
    Path directory;

    @Test
    void eachProjectUrlKindProbesThroughItsOwnRoute() throws Exception {
        PROJECT.stubFor(get("/auth/v1/health").willReturn(SupabaseFixtures.response("auth-health-ok.json")));
        PROJECT.stubFor(get("/rest/v1/health_check?select=id&limit=1").willReturn(SupabaseFixtures.response("rest-select-ok.json")));
        PROJECT.stubFor(request("OPTIONS", urlEqualTo("/functions/v1/business-discovery-background"))
                .willReturn(SupabaseFixtures.response("functions-boot-error.json")));
        int port = freePort();
        String yaml = """
                server: { port: %2$d, host: 127.0.0.1 }
                storage: { url: "jdbc:h2:file:%3$s/sentinel", reportsDirectory: "%3$s/reports" }
                defaults: { interval: 200ms, timeout: 2s }
                dependencies:
                  - id: supabase-auth
                  - id: supabase-db
                  - id: supabase-functions
                checks:
                  - { id: auth, dependency: supabase-auth, kind: supabase-auth, projectUrl: "%1$s", anonKey: "${SUPABASE_ANON_KEY}" }
                  - { id: db, dependency: supabase-db, kind: supabase-rest, projectUrl: "%1$s", anonKey: "${SUPABASE_ANON_KEY}",
                      table: health_check }
                  - { id: discovery, dependency: supabase-functions, kind: supabase-function, projectUrl: "%1$s",
                      anonKey: "${SUPABASE_ANON_KEY}", function: business-discovery-background }
                """.formatted(PROJECT.baseUrl(), port, directory.toAbsolutePath());
        SentinelConfig config = new ConfigLoader(BuiltInKinds.index(),
                Map.of("SUPABASE_ANON_KEY", SupabaseChecks.PUBLISHABLE_KEY)::get).parse(Path.of("sentinel.yaml"), yaml);

        try (SentinelDaemon daemon = SentinelDaemon.start(config,
                new DaemonOptions(Path.of("routes"), directory, Clock.systemUTC()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> state(port, "auth").equals("UP")
                    && state(port, "db").equals("UP") && state(port, "discovery").equals("DOWN"));
        }
    }

    private static String state(int port, String checkId) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/status")).build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode check : new ObjectMapper().readTree(response.body()).path("checks")) {
            if (check.path("id").asText().equals(checkId)) {
                return check.path("state").asText();
            }
        }
        return "";
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
