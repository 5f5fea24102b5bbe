package io.sentinel.provider.supabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckKinds;
import io.sentinel.config.ConfigLoader;
import io.sentinel.config.ConfigProblem;
import io.sentinel.config.InvalidConfigException;
import io.sentinel.http.HttpMethod;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The four Supabase kinds read from a configuration file, as an operator writes them. */
class SupabaseKindsConfigTest {

    private static final String ANON_KEY = "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9.config-test-signature";
    private static final String ACCESS_TOKEN = "sbp_configtest0123456789abcdef";
    private static final String HEADER = """
            dependencies:
              - id: supabase
            checks:
              - id: probe
                dependency: supabase
            """;

    private final ConfigLoader loader = new ConfigLoader(new CheckKinds(List.of(SupabaseAuthKind.KIND,
            SupabaseRestKind.KIND, SupabaseFunctionKind.KIND, new SupabaseManagementCheckKind(), new SupabaseLogsCheckKind())),
            Map.of("SUPABASE_ANON_KEY", ANON_KEY, "SUPABASE_ACCESS_TOKEN", ACCESS_TOKEN)::get);

    @Test
    void anAuthCheckReadsTheProjectAndItsKey() throws Exception {
        SupabaseAuthOptions options = check("""
                    kind: supabase-auth
                    projectUrl: https://sriycekxdqnesdsgwiuc.supabase.co/
                    anonKey: ${SUPABASE_ANON_KEY}
                """).options(SupabaseAuthOptions.class);

        assertThat(options.project().projectUrl()).isEqualTo(URI.create("https://sriycekxdqnesdsgwiuc.supabase.co"));
        assertThat(options.project().anonKey().value()).isEqualTo(ANON_KEY);
        assertThat(options.project().anonKey().variable()).contains("SUPABASE_ANON_KEY");
        assertThat(options.toString()).contains("sriycekxdqnesdsgwiuc").doesNotContain(ANON_KEY);
    }

    @Test
    void aRestCheckSelectsTheIdColumnUnlessTold() throws Exception {
        SupabaseRestOptions options = check("""
                    kind: supabase-rest
                    projectUrl: https://sriycekxdqnesdsgwiuc.supabase.co
                    anonKey: ${SUPABASE_ANON_KEY}
                    table: health_check
                """).options(SupabaseRestOptions.class);

        assertThat(options.table()).isEqualTo("health_check");
        assertThat(options.column()).isEqualTo("id");
        assertThat(options.pathAndQuery()).isEqualTo("/rest/v1/health_check?select=id&limit=1");
    }

    @Test
    void aRestCheckWithoutTableIsRejectedWithTheReason() {
        assertThat(problemsOf("""
                    kind: supabase-rest
                    projectUrl: https://sriycekxdqnesdsgwiuc.supabase.co
                    anonKey: ${SUPABASE_ANON_KEY}
                    table: ""
                """)).containsExactly("sentinel.yaml:9:12: supabase-rest needs 'table': the PostgREST root /rest/v1/ only "
                + "answers the service_role key, so the check selects one row from a table instead — add table: <a small "
                + "table the anon role may select under RLS>, e.g. table: health_check");
        assertThat(problemsOf("""
                    kind: supabase-rest
                    projectUrl: https://sriycekxdqnesdsgwiuc.supabase.co
                """)).singleElement().asString().contains("supabase-rest needs 'table'");
    }

    @Test
    void aFunctionCheckSendsOptionsUnlessTold() throws Exception {
        SupabaseFunctionOptions options = check("""
                    kind: supabase-function
                    projectUrl: https://sriycekxdqnesdsgwiuc.supabase.co
                    anonKey: ${SUPABASE_ANON_KEY}
                    function: business-discovery-background
                """).options(SupabaseFunctionOptions.class);

        assertThat(options.method()).isEqualTo(HttpMethod.OPTIONS);
        assertThat(options.body()).isEmpty();
        assertThat(options.expectStatus()).isEmpty();
    }

    @Test
    void aFunctionCheckMayPostAHealthCheckPayload() throws Exception {
        SupabaseFunctionOptions options = check("""
                    kind: supabase-function
                    projectUrl: https://sriycekxdqnesdsgwiuc.supabase.co
                    anonKey: ${SUPABASE_ANON_KEY}
                    function: enrichment-orchestrator
                    method: POST
                    payload: '{"healthcheck": true}'
                    expectStatus: 200
                """).options(SupabaseFunctionOptions.class);

        assertThat(options.method()).isEqualTo(HttpMethod.POST);
        assertThat(options.body()).contains("{\"healthcheck\": true}");
        assertThat(options.expectStatus()).contains(200);
    }

    @Test
    void badFunctionOptionsAreReportedAtTheirLines() {
        assertThat(problemsOf("""
                    kind: supabase-function
                    projectUrl: https://sriycekxdqnesdsgwiuc.supabase.co
                    function: business-discovery
                    method: GET
                    expectStatus: 700
                """)).containsExactly(
                "sentinel.yaml:9:13: supabase-function sends OPTIONS or POST, not GET — use method: OPTIONS (no business "
                        + "logic runs) or method: POST with a health-check payload",
                "sentinel.yaml:10:19: 'expectStatus' must be between 100 and 599, got 700 — pick a value in that range");
        assertThat(problemsOf("""
                    kind: supabase-function
                    projectUrl: https://sriycekxdqnesdsgwiuc.supabase.co
                    function: business-discovery
                    payload: '{"healthcheck": true}'
                """)).containsExactly("sentinel.yaml:9:14: 'payload' is only sent with method: POST — add method: POST, or remove payload");
        assertThat(problemsOf("""
                    kind: supabase-function
                    projectUrl: https://sriycekxdqnesdsgwiuc.supabase.co
                    function: business-discovery
                    method: POST
                    payload: '{healthcheck: true}'
                """)).singleElement().asString().startsWith("sentinel.yaml:10:14: 'payload' is not valid JSON");
    }

    @Test
    void aManagementCheckReadsItsTokenProjectAndFunctions() throws Exception {
        CheckConfig check = check("""
                    kind: supabase-management
                    interval: 5m
                    accessToken: ${SUPABASE_ACCESS_TOKEN}
                    projectRef: sriycekxdqnesdsgwiuc
                    functions: [business-discovery-background, enrichment-orchestrator]
                """);
        SupabaseManagementOptions options = check.options(SupabaseManagementOptions.class);

        assertThat(check.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.baseUrl()).isEqualTo(URI.create("https://api.supabase.com"));
        assertThat(options.healthUri()).isEqualTo(URI.create(
                "https://api.supabase.com/v1/projects/sriycekxdqnesdsgwiuc/health?services=auth,db,rest,realtime,storage"));
        assertThat(options.functions()).containsExactly("business-discovery-background", "enrichment-orchestrator");
        assertThat(options.toString()).doesNotContain(ACCESS_TOKEN);
    }

    @Test
    void aManagementCheckMayNotRunMoreThanOnceAMinute() {
        assertThat(problemsOf("""
                    kind: supabase-management
                    interval: 30s
                    accessToken: ${SUPABASE_ACCESS_TOKEN}
                    projectRef: sriycekxdqnesdsgwiuc
                """)).containsExactly("sentinel.yaml:7:15: supabase-management runs at most once a minute, interval is 30s: "
                + "the Management API allows about 60 requests a minute per user, shared by all of the user's tokens — "
                + "use interval: 1m or more (5m is plenty for platform health)");
    }

    @Test
    void aMalformedIntervalIsReportedOnce() {
        assertThat(problemsOf("""
                    kind: supabase-management
                    interval: often
                    projectRef: sriycekxdqnesdsgwiuc
                """)).singleElement().asString().contains("'interval' is not a duration");
    }

    @Test
    void badManagementOptionsAreReported() {
        assertThat(problemsOf("""
                    kind: supabase-management
                    baseUrl: https://api.supabase.com/v1
                    projectRef: https://sriycekxdqnesdsgwiuc.supabase.co
                    functions: [business discovery]
                """)).containsExactly(
                "sentinel.yaml:7:14: 'baseUrl' must not include /v1 or a query — for example https://api.supabase.com",
                "sentinel.yaml:8:17: 'projectRef' must be the project's ref, got 'https://sriycekxdqnesdsgwiuc.supabase.co' — "
                        + "the first part of https://<ref>.supabase.co, e.g. abcdefghijklmnopqrst",
                "sentinel.yaml:9:16: 'business discovery' in 'functions' is not a function slug — list slugs as in "
                        + "/functions/v1/<slug>, e.g. [business-discovery-background]");
    }

    @Test
    void aProjectUrlWithAPathIsReported() {
        assertThat(problemsOf("""
                    kind: supabase-auth
                    projectUrl: https://sriycekxdqnesdsgwiuc.supabase.co/rest/v1/
                """)).containsExactly("sentinel.yaml:7:17: 'projectUrl' must be the project's root URL, not a path inside it — "
                + "for example https://abcdefghijklmnopqrst.supabase.co (the check adds /auth/v1, /rest/v1 or /functions/v1 itself)");
    }

    @Test
    void aMisspelledOptionGetsTheNearestKnownOne() {
        assertThat(problemsOf("""
                    kind: supabase-auth
                    projectUrl: https://sriycekxdqnesdsgwiuc.supabase.co
                    anonkey: ${SUPABASE_ANON_KEY}
                """)).containsExactly("sentinel.yaml:8:5: unknown key 'anonkey' in checks[0] — did you mean 'anonKey'?");
    }

    @Test
    void aLogsCheckReadsItsTokenProjectFunctionsAndTrafficRule() throws Exception {
        CheckConfig check = check("""
                    kind: supabase-logs
                    interval: 5m
                    accessToken: ${SUPABASE_ACCESS_TOKEN}
                    projectRef: sriycekxdqnesdsgwiuc
                    functions: [enrichment-orchestrator]
                    rules:
                      - {errorRate: "> 1% over 15m, min 20", requests: function.*.invocations, errors: function.*.server_errors}
                """);
        SupabaseLogsOptions options = check.options(SupabaseLogsOptions.class);

        assertThat(options.access().projectRef()).isEqualTo("sriycekxdqnesdsgwiuc");
        assertThat(options.functions()).containsExactly("enrichment-orchestrator");
        assertThat(options.logsUri(java.time.Instant.parse("2026-11-26T09:00:00Z"), java.time.Instant.parse("2026-11-26T09:05:00Z"))
                .toString()).startsWith("https://api.supabase.com/v1/projects/sriycekxdqnesdsgwiuc/analytics/endpoints/logs.all?sql=select%20")
                .endsWith("&iso_timestamp_start=2026-11-26T09%3A00%3A00Z&iso_timestamp_end=2026-11-26T09%3A05%3A00Z");
        assertThat(options.toString()).doesNotContain(ACCESS_TOKEN);
        assertThat(check.rules()).hasSize(1);
    }

    @Test
    void aLogsCheckMayNotRunMoreThanOnceAMinuteWhetherTheIntervalIsItsOwnOrInherited() {
        assertThat(problemsOf("""
                    kind: supabase-logs
                    interval: 45s
                    projectRef: sriycekxdqnesdsgwiuc
                """)).containsExactly("sentinel.yaml:7:15: supabase-logs runs at most once a minute, interval is 45s: the"
                + " Management API allows about 60 requests a minute per user, shared by all of the user's tokens — use"
                + " interval: 1m or more (5m keeps a 15m window well fed)");
        InvalidConfigException inherited = catchThrowableOfType(InvalidConfigException.class, () -> loader.parse(
                Path.of("sentinel.yaml"), "defaults: {interval: 30s}\n" + HEADER + """
                    kind: supabase-logs
                    projectRef: sriycekxdqnesdsgwiuc
                """));
        assertThat(inherited.problems()).extracting(ConfigProblem::format).containsExactly("sentinel.yaml:7:11: supabase-logs"
                + " runs at most once a minute, and this check inherits interval 30s from defaults: the Management API allows"
                + " about 60 requests a minute per user, shared by all of the user's tokens — set interval: 1m or more on the check");
    }

    private CheckConfig check(String options) throws InvalidConfigException {
        Optional<CheckConfig> check = loader.parse(Path.of("sentinel.yaml"), HEADER + options).check("probe");
        assertThat(check).isPresent();
        return check.get();
    }

    private List<String> problemsOf(String options) {
        InvalidConfigException invalid = catchThrowableOfType(InvalidConfigException.class,
                () -> loader.parse(Path.of("sentinel.yaml"), HEADER + options));
        assertThat(invalid).as("the configuration should have been rejected").isNotNull();
        return invalid.problems().stream().map(ConfigProblem::format).toList();
    }
}
