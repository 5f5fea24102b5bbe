package io.sentinel.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.sentinel.provider.ProviderAnswerCase.Reply.fixture;
import static io.sentinel.provider.ProviderAnswerCase.Reply.html;
import static io.sentinel.provider.ProviderAnswerCase.Reply.json;
import static io.sentinel.provider.ProviderAnswerCase.Reply.text;
import static io.sentinel.model.FailureClass.AUTH;
import static io.sentinel.model.FailureClass.BLOCKED;
import static io.sentinel.model.FailureClass.BODY_ERROR;
import static io.sentinel.model.FailureClass.HTTP_4XX;
import static io.sentinel.model.FailureClass.HTTP_5XX;
import static io.sentinel.model.FailureClass.NOT_DEPLOYED;
import static io.sentinel.model.FailureClass.QUOTA;
import static io.sentinel.model.FailureClass.RATE_LIMITED;
import static io.sentinel.model.FailureClass.REDIRECT;
import static io.sentinel.model.FailureClass.SCHEMA;
import static io.sentinel.model.FailureClass.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeResult;
import io.sentinel.probe.ProbeToolkit;
import io.sentinel.provider.ProviderAnswerCase.Reply;
import io.sentinel.provider.ProviderAnswerCase.Stub;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every provider kind against the answers its documentation lists and against deceptive ones: errors inside a
 * 200, CDN challenge pages on a 403, throttling that looks like a missing deployment, redirects. Each row is
 * one line of the tables in docs/providers.md. The message must say why, and never hold the key.
 */
class ProviderAnswersTest {

    @RegisterExtension
    static final ProviderServer PROVIDER = new ProviderServer();

    private static final String KEY = "answer-table-key-3f9c1d7e52";
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final String CLOUDFLARE_CHALLENGE = "<!DOCTYPE html><html lang=\"en-US\"><head><title>Just a moment...</title>"
            + "<script src=\"/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1?ray=8f1a2b3c4d5e6f70\"></script>"
            + "</head><body><noscript>Enable JavaScript and cookies to continue</noscript></body></html>";
    private static final String CLOUDFLARE_BLOCK = "<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title>"
            + "</head><body><h1>Sorry, you have been blocked</h1><h2>You are unable to access example.com</h2>"
            + "<p>Cloudflare Ray ID: 8f1a2b3c4d5e6f70</p></body></html>";
    private static final String AKAMAI_DENIED = "<HTML><HEAD>\n<TITLE>Access Denied</TITLE>\n</HEAD><BODY>\n<H1>Access Denied</H1>\n"
            + "You don't have permission to access \"http&#58;&#47;&#47;example&#46;com&#47;\" on this server.<P>\n"
            + "Reference&#32;&#35;18&#46;6b2e4f17&#46;1767225600&#46;1a2b3c4d\n</BODY>\n</HTML>";
    private static final String VERCEL_CHECKPOINT = "<!DOCTYPE html><html><head><title>Vercel Security Checkpoint</title></head>"
            + "<body>We're verifying your browser</body></html>";

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void eachAnswerMeansWhatTheProvidersDocumentationSays(ProviderAnswerCase answer) {
        int priority = 1;
        for (Stub stub : answer.stubs()) {
            PROVIDER.stubFor(any(urlPathMatching(stub.pathPattern())).atPriority(priority++).willReturn(stub.reply().response()));
        }
        ProviderUnderTest provider = answer.provider();
        ProbeToolkit toolkit = PROVIDER.toolkit(Clock.fixed(NOW, ZoneOffset.UTC));

        ProbeResult result = provider.kind().newProbe(toolkit).probe(provider.check(URI.create(PROVIDER.baseUrl() + "/"), KEY));

        assertThat(result.outcome()).as(result.message()).isEqualTo(answer.outcome());
        assertThat(result.failureClass()).as(result.message()).isEqualTo(answer.failureClass());
        assertThat(result.message()).contains(answer.mustSay()).doesNotContain(KEY);
        assertThat(PROVIDER.findAll(anyRequestedFor(anyUrl()))).isNotEmpty();
    }

    @Test
    void theTableHasAtLeastFortyAnswersAndEveryProvider() {
        List<ProviderAnswerCase> answers = answers().toList();

        assertThat(answers).hasSizeGreaterThanOrEqualTo(40);
        assertThat(answers.stream().map(ProviderAnswerCase::provider).distinct()).containsExactlyInAnyOrder(ProviderUnderTest.values());
    }

    static Stream<ProviderAnswerCase> answers() {
        List<ProviderAnswerCase> all = new ArrayList<>();
        all.addAll(googlePlacesNew());
        all.addAll(googlePlacesLegacy());
        all.addAll(foursquare());
        all.addAll(hunter());
        all.addAll(neverBounce());
        all.addAll(cobalt());
        all.addAll(supabaseAuth());
        all.addAll(supabaseRest());
        all.addAll(supabaseFunction());
        all.addAll(supabaseManagement());
        all.addAll(supabaseLogs());
        all.addAll(vercel());
        all.addAll(gitHubActions());
        return all.stream();
    }

    private static List<ProviderAnswerCase> googlePlacesNew() {
        ProviderUnderTest p = ProviderUnderTest.GOOGLE_PLACES_NEW;
        return List.of(
                up(p, "200 with places[].id", fixture(200, "google-places/new-textsearch-ids-only-ok.json"), "2 places"),
                up(p, "200 {} (nothing matched)", fixture(200, "google-places/new-textsearch-empty.json"), "no place matched"),
                down(p, "400 API_KEY_INVALID", fixture(400, "google-places/new-invalid-key.json"), AUTH, "API_KEY_INVALID"),
                down(p, "403 SERVICE_DISABLED", fixture(403, "google-places/new-service-disabled.json"), AUTH, "enable Places API (New)"),
                down(p, "403 BILLING_DISABLED is billing, not the key", fixture(403, "google-places/new-billing-disabled.json"),
                        QUOTA, "enable billing"),
                down(p, "403 API_KEY_SERVICE_BLOCKED", fixture(403, "google-places/new-key-service-blocked.json"), AUTH,
                        "must allow places.googleapis.com"),
                down(p, "429 daily quota", fixture(429, "google-places/new-quota-exceeded.json"), QUOTA, "daily quota"),
                down(p, "429 per-minute limit", fixture(429, "google-places/new-rate-limit-per-minute.json"), RATE_LIMITED,
                        "short-term limit"),
                down(p, "503 UNAVAILABLE", fixture(503, "google-places/new-unavailable.json"), HTTP_5XX, "UNAVAILABLE"),
                down(p, "API_KEY_INVALID inside a 200", fixture(200, "google-places/new-invalid-key.json"), AUTH, "API_KEY_INVALID"),
                down(p, "403 Cloudflare challenge page, not Google's error", cloudflareChallenge(403), BLOCKED, "Cloudflare"),
                down(p, "403 plain HTML page, not Google's error", html(403, "<html><body><h1>403 Forbidden</h1></body></html>"),
                        HTTP_4XX, "not the API's own error answer"),
                down(p, "200 with places lacking the id asked for", json(200, "{\"places\":[{\"displayName\":{\"text\":\"x\"}}]}"),
                        SCHEMA, "expected"),
                down(p, "302 to a login page", json(302, "").with("Location", "https://accounts.example.com/login"), REDIRECT,
                        "https://accounts.example.com/login"));
    }

    private static List<ProviderAnswerCase> googlePlacesLegacy() {
        ProviderUnderTest p = ProviderUnderTest.GOOGLE_PLACES_LEGACY;
        return List.of(
                up(p, "OK with candidates", fixture(200, "google-places/findplace-ok.json"), "OK"),
                up(p, "ZERO_RESULTS", fixture(200, "google-places/textsearch-zero-results.json"), "no place matched"),
                down(p, "REQUEST_DENIED, invalid key", fixture(200, "google-places/request-denied.json"), AUTH, "REQUEST_DENIED"),
                down(p, "REQUEST_DENIED, billing not enabled", json(200, "{\"error_message\":\"You must enable Billing on the Google "
                        + "Cloud Project at https://console.cloud.google.com/project/_/billing/enable\",\"results\":[],"
                        + "\"status\":\"REQUEST_DENIED\"}"), QUOTA, "billing"),
                down(p, "OVER_QUERY_LIMIT, daily quota", fixture(200, "google-places/over-query-limit.json"), QUOTA, "OVER_QUERY_LIMIT"),
                down(p, "OVER_QUERY_LIMIT, rate limit", json(200, "{\"error_message\":\"You have exceeded your rate-limit for this "
                        + "API.\",\"results\":[],\"status\":\"OVER_QUERY_LIMIT\"}"), RATE_LIMITED, "per-second"),
                down(p, "UNKNOWN_ERROR in a 200", fixture(200, "google-places/unknown-error.json"), HTTP_5XX, "server-side"),
                down(p, "INVALID_REQUEST", json(200, "{\"candidates\":[],\"status\":\"INVALID_REQUEST\"}"), BODY_ERROR, "INVALID_REQUEST"),
                down(p, "NOT_FOUND", json(200, "{\"candidates\":[],\"status\":\"NOT_FOUND\"}"), BODY_ERROR, "NOT_FOUND"));
    }

    private static List<ProviderAnswerCase> foursquare() {
        ProviderUnderTest p = ProviderUnderTest.FOURSQUARE;
        return List.of(
                up(p, "200 with results", fixture(200, "foursquare/search-ok.json"), "1 result"),
                down(p, "401 invalid token", fixture(401, "foursquare/invalid-token.json"), AUTH, "Invalid request token"),
                down(p, "403 restricted", fixture(403, "foursquare/forbidden.json"), AUTH, "restricted"),
                down(p, "403 speaking of the rate limit", json(403, "{\"message\":\"Rate limit exceeded\"}"), RATE_LIMITED, "rate limited"),
                down(p, "403 speaking of credits", json(403, "{\"message\":\"Purchase credits to access this endpoint\"}"), QUOTA,
                        "no credits or plan"),
                down(p, "402 no credits", fixture(402, "foursquare/payment-required.json"), QUOTA, "no credits"),
                down(p, "410 retired version", json(410, "{\"message\":\"This API version is no longer supported\"}"), HTTP_4XX,
                        "retired"),
                down(p, "429 rate limit", fixture(429, "foursquare/rate-limited.json"), RATE_LIMITED, "rate limited"),
                down(p, "an error message inside a 200", json(200, "{\"message\":\"Invalid request token.\"}"), BODY_ERROR,
                        "Invalid request token"),
                down(p, "403 Akamai Access Denied page, not Foursquare's error", html(403, AKAMAI_DENIED).with("Server", "AkamaiGHost"),
                        BLOCKED, "Akamai"),
                down(p, "500 outage", json(500, "{\"message\":\"Foursquare's servers are unhappy\"}"), HTTP_5XX, "HTTP 500"));
    }

    private static List<ProviderAnswerCase> hunter() {
        ProviderUnderTest p = ProviderUnderTest.HUNTER;
        return List.of(
                up(p, "200 account", fixture(200, "hunter/account-ok.json"), "searches 842/2000 used"),
                down(p, "401 authentication_failed", fixture(401, "hunter/invalid-key.json"), AUTH, "authentication_failed"),
                down(p, "429 monthly allowance used up", fixture(429, "hunter/quota-exceeded.json"), QUOTA, "monthly allowance"),
                down(p, "403 rate limit", fixture(403, "hunter/rate-limited.json"), RATE_LIMITED, "rate limit"),
                down(p, "403 account restricted", json(403, "{\"errors\":[{\"id\":\"restricted_account\",\"code\":403,"
                        + "\"details\":\"Your account has been restricted\"}]}"), AUTH, "restricted"),
                down(p, "451 unavailable for legal reasons", json(451, "{\"errors\":[{\"id\":\"unavailable_for_legal_reasons\","
                        + "\"code\":451,\"details\":\"Unavailable for legal reasons\"}]}"), HTTP_4XX, "legal reasons"),
                down(p, "errors inside a 200", json(200, "{\"errors\":[{\"id\":\"pagination_error\",\"code\":400,"
                        + "\"details\":\"Offset too large\"}]}"), BODY_ERROR, "pagination_error"),
                down(p, "403 Cloudflare block page, not Hunter's rate limit", html(403, CLOUDFLARE_BLOCK)
                        .with("Server", "cloudflare").with("CF-RAY", "8f1a2b3c4d5e6f70-IAD"), BLOCKED, "Cloudflare"),
                down(p, "{\"success\":false} in a 200", json(200, "{\"success\":false,\"message\":\"Service temporarily "
                        + "unavailable\"}"), BODY_ERROR, "\"success\": false"));
    }

    private static List<ProviderAnswerCase> neverBounce() {
        ProviderUnderTest p = ProviderUnderTest.NEVERBOUNCE;
        return List.of(
                up(p, "success with credits", fixture(200, "neverbounce/account-ok.json"), "credits"),
                down(p, "auth_failure in a 200", fixture(200, "neverbounce/invalid-key.json"), AUTH, "auth_failure"),
                down(p, "throttle_triggered in a 200", fixture(200, "neverbounce/throttled.json"), RATE_LIMITED, "throttle_triggered"),
                down(p, "bad_referrer in a 200", fixture(200, "neverbounce/bad-referrer.json"), AUTH, "bad_referrer"),
                down(p, "general_failure in a 200", fixture(200, "neverbounce/general-failure.json"), BODY_ERROR, "general_failure"),
                down(p, "general_failure asking for a payment method", json(200, "{\"status\":\"general_failure\",\"message\":"
                        + "\"Please add a default payment method\",\"execution_time\":5}"), QUOTA, "payment method"),
                down(p, "auth_failure with HTTP 404", json(404, ProviderFixtures.body("neverbounce/invalid-key.json")), AUTH, "HTTP 404"),
                down(p, "success without a credits block", json(200, "{\"status\":\"success\",\"execution_time\":5}"), SCHEMA,
                        "credits_info"),
                down(p, "503 HTML page", html(503, "<html><body>Service Unavailable</body></html>"), HTTP_5XX, "HTTP 503"));
    }

    private static List<ProviderAnswerCase> cobalt() {
        ProviderUnderTest p = ProviderUnderTest.COBALT;
        return List.of(
                up(p, "Complete, no business found (cached miss)", fixture(200, "cobalt/search-no-result-cached.json"), "not billed"),
                down(p, "Usage cap exceeded inside a 200", fixture(200, "cobalt/usage-cap-exceeded.json"), QUOTA, "Usage cap"),
                down(p, "state not available", fixture(200, "cobalt/state-unavailable.json"), BODY_ERROR, "state not available"),
                new ProviderAnswerCase(p, "202 Incomplete with a retryId", List.of(anyPath(fixture(202, "cobalt/search-incomplete-retry.json"))),
                        Outcome.DEGRADED, null, "retryId"),
                down(p, "403 Forbidden from the gateway", fixture(403, "cobalt/invalid-key.json"), AUTH, "key missing or rejected"),
                down(p, "403 Missing Authentication Token (no such route)", json(403, "{\"message\":\"Missing Authentication Token\"}"),
                        HTTP_4XX, "no such route"),
                down(p, "429 Too Many Requests", fixture(429, "cobalt/throttled.json"), RATE_LIMITED, "Too Many Requests"),
                down(p, "429 Limit Exceeded (usage plan)", json(429, "{\"message\":\"Limit Exceeded\"}"), QUOTA, "Limit Exceeded"),
                down(p, "429 trial limit", fixture(429, "cobalt/trial-limit-exceeded.json"), QUOTA, "Trial limit"),
                down(p, "status Failed", json(200, "{\"status\":\"Failed\",\"message\":\"Search failed\"}"), BODY_ERROR, "Failed"),
                down(p, "202 AWS WAF challenge, not an Incomplete search", json(202, "").with("x-amzn-waf-action", "challenge"),
                        BLOCKED, "AWS WAF"));
    }

    private static List<ProviderAnswerCase> supabaseAuth() {
        ProviderUnderTest p = ProviderUnderTest.SUPABASE_AUTH;
        return List.of(
                up(p, "GoTrue health", fixture(200, "supabase/auth-health-ok.json"), "GoTrue v2.60.7"),
                down(p, "401 invalid API key", fixture(401, "supabase/gateway-invalid-apikey.json"), AUTH, "Invalid API key"),
                down(p, "540 project paused", text(540, "Project paused"), NOT_DEPLOYED, "project paused"),
                down(p, "402 fair-use restriction", fixture(402, "supabase/fair-use-restricted.json"), QUOTA, "exceed_egress_quota"),
                down(p, "544 gateway timeout", text(544, "upstream timeout"), TIMEOUT, "API gateway timeout"),
                down(p, "an upstream error message inside a 200", json(200, "{\"message\":\"An invalid response was received from "
                        + "the upstream server\"}"), BODY_ERROR, "invalid response"),
                down(p, "403 Cloudflare challenge, not a rejected key", cloudflareChallenge(403), BLOCKED, "cf-mitigated: challenge"));
    }

    private static List<ProviderAnswerCase> supabaseRest() {
        ProviderUnderTest p = ProviderUnderTest.SUPABASE_REST;
        return List.of(
                up(p, "one row", fixture(200, "supabase/rest-select-ok.json"), "1 row"),
                up(p, "no rows (an empty table answers too)", json(200, "[]"), "0 rows"),
                down(p, "401 JWT expired", fixture(401, "supabase/rest-jwt-expired.json"), AUTH, "PGRST301"),
                down(p, "404 table missing", json(404, ProviderFixtures.body("supabase/rest-table-missing.json")), SCHEMA,
                        "health_check is gone"),
                down(p, "an error object instead of rows in a 200", json(200, "{\"code\":\"42501\",\"message\":\"permission denied "
                        + "for table health_check\"}"), BODY_ERROR, "permission denied"),
                down(p, "522 Cloudflare origin error is an outage, not a block", html(522, "<html><title>example.com | 522: "
                        + "Connection timed out</title><body>Cloudflare Ray ID: 8f1a</body></html>").with("Server", "cloudflare"),
                        HTTP_5XX, "HTTP 522"));
    }

    private static List<ProviderAnswerCase> supabaseFunction() {
        ProviderUnderTest p = ProviderUnderTest.SUPABASE_FUNCTION;
        return List.of(
                up(p, "its own healthy answer", fixture(200, "supabase/functions-ok.json"), "HTTP 200"),
                up(p, "\"error\": null and \"errors\": [] are success", json(200, "{\"ok\":true,\"error\":null,\"errors\":[]}"), "HTTP 200"),
                up(p, "a message without error words", json(200, "{\"message\":\"Healthy\",\"version\":\"12\"}"), "HTTP 200"),
                down(p, "{\"success\":false} in a 200", json(200, "{\"success\":false,\"message\":\"Google Places key missing\"}"),
                        BODY_ERROR, "\"success\": false"),
                down(p, "{\"status\":\"error\"} in a 200", json(200, "{\"status\":\"error\",\"message\":\"enrichment failed\"}"),
                        BODY_ERROR, "\"status\": \"error\""),
                down(p, "GraphQL-style errors in a 200", json(200, "{\"data\":null,\"errors\":[{\"message\":\"upstream failed\"}]}"),
                        BODY_ERROR, "\"errors\""),
                down(p, "an error object in a 200", json(200, "{\"error\":{\"code\":\"HUNTER_QUOTA\"}}"), BODY_ERROR, "HUNTER_QUOTA"),
                down(p, "{\"code\":503} in a 200", json(200, "{\"code\":503,\"message\":\"dependency down\"}"), BODY_ERROR, "503"),
                down(p, "only an error message in a 200", json(200, "{\"message\":\"Lead scoring failed: timeout\"}"), BODY_ERROR,
                        "Lead scoring failed"),
                down(p, "503 \"Function is throttled\" is deployed, not missing", json(503, "{\"message\":\"Function is throttled\"}"),
                        RATE_LIMITED, "throttled"),
                down(p, "429 RATE_LIMIT_EXCEEDED", json(429, "{\"code\":\"RATE_LIMIT_EXCEEDED\",\"message\":\"retry in 10s\"}")
                        .with("sb-error-code", "RATE_LIMIT_EXCEEDED"), RATE_LIMITED, "RATE_LIMIT_EXCEEDED"),
                down(p, "546 WORKER_LIMIT", fixture(546, "supabase/functions-worker-limit.json").with("sb-error-code", "WORKER_LIMIT"),
                        HTTP_5XX, "546 WORKER_LIMIT"),
                down(p, "546 WORKER_RESOURCE_LIMIT", json(546, "{\"code\":\"WORKER_RESOURCE_LIMIT\",\"message\":\"Function failed due "
                        + "to not having enough compute resources (please check logs)\"}"), HTTP_5XX, "WORKER_RESOURCE_LIMIT"),
                down(p, "404 NOT_FOUND", fixture(404, "supabase/functions-not-found.json").with("sb-error-code", "NOT_FOUND"),
                        NOT_DEPLOYED, "not deployed"),
                down(p, "404 NOT_FOUND_FUNCTION_BLOB", json(404, "{\"code\":\"NOT_FOUND_FUNCTION_BLOB\",\"message\":\"Function "
                        + "deployment bundle not found\"}").with("sb-error-code", "NOT_FOUND_FUNCTION_BLOB"), NOT_DEPLOYED, "NOT_FOUND_FUNCTION_BLOB"),
                down(p, "404 from the function's own code", json(404, "{\"error\":\"lead not found\"}"), HTTP_4XX, "function's own answer"),
                down(p, "401 UNAUTHORIZED_LEGACY_JWT", fixture(401, "supabase/functions-invalid-jwt-coded.json")
                        .with("sb-error-code", "UNAUTHORIZED_LEGACY_JWT"), AUTH, "JWT or key rejected"),
                down(p, "504 IDLE_TIMEOUT", fixture(504, "supabase/functions-idle-timeout.json").with("sb-error-code", "IDLE_TIMEOUT"),
                        TIMEOUT, "idle timeout"),
                down(p, "503 without a code", json(503, "{\"message\":\"upstream unavailable\"}"), HTTP_5XX, "its own 503"),
                down(p, "503 BOOT_ERROR", fixture(503, "supabase/functions-boot-error.json").with("sb-error-code", "BOOT_ERROR"),
                        HTTP_5XX, "BOOT_ERROR"),
                down(p, "500 LOAD_FUNCTION_UNBUNDLING_ERROR", json(500, "{\"code\":\"LOAD_FUNCTION_UNBUNDLING_ERROR\"}")
                        .with("sb-error-code", "LOAD_FUNCTION_UNBUNDLING_ERROR"), HTTP_5XX, "redeploy"),
                down(p, "403 Cloudflare challenge, not a rejected JWT", cloudflareChallenge(403), BLOCKED, "Cloudflare"));
    }

    private static List<ProviderAnswerCase> supabaseManagement() {
        ProviderUnderTest p = ProviderUnderTest.SUPABASE_MANAGEMENT;
        Reply healthy = fixture(200, "supabase/mgmt-health-all-healthy.json");
        String list = "[{\"id\":\"1\",\"slug\":\"business-discovery-background\",\"name\":\"b\",\"status\":\"ACTIVE\",\"version\":1},"
                + "{\"id\":\"2\",\"slug\":\"enrichment-orchestrator\",\"name\":\"e\",\"status\":\"%s\",\"version\":1}]";
        return List.of(
                management(p, "healthy, both functions ACTIVE", healthy, json(200, list.formatted("ACTIVE")), Outcome.UP, null,
                        "2 functions ACTIVE"),
                management(p, "a THROTTLED function is deployed: rate limited", healthy, json(200, list.formatted("THROTTLED")),
                        Outcome.DOWN, RATE_LIMITED, "THROTTLED"),
                management(p, "a REMOVED function", healthy, json(200, list.formatted("REMOVED")), Outcome.DOWN, NOT_DEPLOYED, "REMOVED"),
                management(p, "a service unhealthy", fixture(200, "supabase/mgmt-health-ok.json"), json(200, list.formatted("ACTIVE")),
                        Outcome.DOWN, BODY_ERROR, "storage (UNHEALTHY: upstream connect error)"),
                down(p, "401 token rejected", fixture(401, "supabase/mgmt-unauthorized.json"), AUTH, "access token rejected"),
                down(p, "429 rate limit", json(429, "{\"message\":\"Too many requests\"}"), RATE_LIMITED, "rate limit"),
                down(p, "an error message instead of the health list", json(200, "{\"message\":\"Internal server error\"}"),
                        BODY_ERROR, "Internal server error"),
                down(p, "403 Cloudflare challenge", cloudflareChallenge(403), BLOCKED, "Cloudflare"));
    }

    private static List<ProviderAnswerCase> supabaseLogs() {
        ProviderUnderTest p = ProviderUnderTest.SUPABASE_LOGS;
        return List.of(
                up(p, "rows per function", fixture(200, "supabase/mgmt-logs-function-traffic.json"), "569 invocations of 3 functions"),
                up(p, "no traffic in the window", json(200, "{\"result\":[],\"error\":null}"), "0 invocations of 1 function"),
                new ProviderAnswerCase(p, "429: our token's budget, not the functions' health: SKIPPED and said",
                        List.of(anyPath(fixture(429, "supabase/mgmt-rate-limited.json").with("Retry-After", "60"))), Outcome.SKIPPED,
                        null, "RATE_LIMITED: the Management API answered HTTP 429"),
                down(p, "a failed query inside a 200", fixture(200, "supabase/mgmt-logs-query-error.json"), BODY_ERROR,
                        "failed query: Unrecognized name"),
                down(p, "an error message instead of rows in a 200", json(200, "{\"message\":\"Internal server error\"}"),
                        BODY_ERROR, "Internal server error"),
                down(p, "rows without counts", json(200, "{\"result\":[{\"slug\":\"a\",\"count\":1}],\"error\":null}"),
                        SCHEMA, "expected result rows"),
                down(p, "401 token rejected", fixture(401, "supabase/mgmt-unauthorized.json"), AUTH, "access token rejected"),
                down(p, "403 without the analytics scope", json(403, "{\"message\":\"Missing required scope: analytics:read\"}"),
                        AUTH, "token lacks access"),
                down(p, "403 Cloudflare challenge", cloudflareChallenge(403), BLOCKED, "Cloudflare"));
    }

    private static List<ProviderAnswerCase> vercel() {
        ProviderUnderTest site = ProviderUnderTest.VERCEL_SITE;
        ProviderUnderTest api = ProviderUnderTest.VERCEL_DEPLOYMENTS;
        Reply page = html(200, "<html><body>ProspectPro</body></html>");
        Reply health = json(200, "{\"status\":\"ok\"}");
        return List.of(
                site(site, "site and health path answer", page, health, Outcome.UP, null, "site HTTP 200"),
                site(site, "DEPLOYMENT_NOT_FOUND", text(404, "The deployment could not be found on Vercel.")
                        .with("X-Vercel-Error", "DEPLOYMENT_NOT_FOUND"), health, Outcome.DOWN, NOT_DEPLOYED, "DEPLOYMENT_NOT_FOUND"),
                site(site, "429 Security Checkpoint challenge, not a rate limit", html(429, VERCEL_CHECKPOINT)
                        .with("x-vercel-mitigated", "challenge"), health, Outcome.DOWN, BLOCKED, "x-vercel-mitigated: challenge"),
                site(site, "403 Security Checkpoint page without the header", html(403, VERCEL_CHECKPOINT), health, Outcome.DOWN,
                        BLOCKED, "Vercel"),
                site(site, "503 FUNCTION_THROTTLED", text(503, "throttled").with("X-Vercel-Error", "FUNCTION_THROTTLED"), health,
                        Outcome.DOWN, RATE_LIMITED, "FUNCTION_THROTTLED"),
                site(site, "402 DEPLOYMENT_DISABLED", text(402, "disabled").with("X-Vercel-Error", "DEPLOYMENT_DISABLED"), health,
                        Outcome.DOWN, NOT_DEPLOYED, "DEPLOYMENT_DISABLED"),
                site(site, "504 FUNCTION_INVOCATION_TIMEOUT", text(504, "An error occurred with your deployment")
                        .with("X-Vercel-Error", "FUNCTION_INVOCATION_TIMEOUT"), health, Outcome.DOWN, TIMEOUT, "FUNCTION_INVOCATION_TIMEOUT"),
                site(site, "508 INFINITE_LOOP_DETECTED", text(508, "loop").with("X-Vercel-Error", "INFINITE_LOOP_DETECTED"), health,
                        Outcome.DOWN, HTTP_5XX, "INFINITE_LOOP_DETECTED"),
                site(site, "a redirect loop", text(307, "").with("Location", "/"), health, Outcome.DOWN, REDIRECT, "redirect loop"),
                site(site, "health path 200 reporting \"status\": \"down\"", page, json(200, "{\"status\":\"down\",\"db\":\"unreachable\"}"),
                        Outcome.DOWN, BODY_ERROR, "\"status\": \"down\""),
                deployments(api, "403 forbidden token", fixture(403, "vercel/api-forbidden.json"), Outcome.DOWN, AUTH, "forbidden"),
                deployments(api, "429 rate_limited", fixture(429, "vercel/api-rate-limited.json"), Outcome.DOWN, RATE_LIMITED, "rate_limited"),
                deployments(api, "newest production deployment in ERROR", fixture(200, "vercel/deployments-list-error-state.json"),
                        Outcome.DOWN, BODY_ERROR, "is ERROR"),
                deployments(api, "newest production deployment BUILDING for months", json(200, "{\"deployments\":[{\"uid\":"
                        + "\"dpl_1\",\"url\":\"p.vercel.app\",\"createdAt\":1767225600000,\"buildingAt\":1767225600000,"
                        + "\"readyState\":\"BUILDING\"}]}"), Outcome.DEGRADED, null, "longer than maxBuildTime"),
                deployments(api, "no production deployment listed", json(200, "{\"deployments\":[],\"pagination\":{\"count\":0}}"),
                        Outcome.DOWN, NOT_DEPLOYED, "no production deployment"));
    }

    private static List<ProviderAnswerCase> gitHubActions() {
        ProviderUnderTest p = ProviderUnderTest.GITHUB_ACTIONS;
        String stuck = ProviderFixtures.body("github/runs-in-progress.json").replace("2026-11-26T11:50:00Z", "2026-11-26T10:00:00Z");
        return List.of(
                up(p, "newest run on main succeeded", fixture(200, "github/runs-success.json"),
                        "workflow \"CI\" #412 on main at 9fceb02: success"),
                up(p, "newest run in progress for 10 minutes", fixture(200, "github/runs-in-progress.json"),
                        "is in_progress for 10m"),
                new ProviderAnswerCase(p, "newest run in progress for 2 hours", List.of(anyPath(json(200, stuck))),
                        Outcome.DEGRADED, null, "longer than maxRunTime 30m"),
                down(p, "newest run on main failed", fixture(200, "github/runs-failure.json"), BODY_ERROR,
                        "workflow \"CI\" #412 on main at 9fceb02: failure"),
                down(p, "newest run cancelled", json(200, ProviderFixtures.body("github/runs-success.json")
                        .replace("\"success\"", "\"cancelled\"")), BODY_ERROR, ": cancelled"),
                down(p, "newest run timed out", json(200, ProviderFixtures.body("github/runs-success.json")
                        .replace("\"success\"", "\"timed_out\"")), BODY_ERROR, ": timed_out"),
                down(p, "no run on the branch", json(200, "{\"total_count\":0,\"workflow_runs\":[]}"), NOT_DEPLOYED,
                        "no workflow run on branch main of octo-org/octo-repo"),
                down(p, "401 Bad credentials", fixture(401, "github/bad-credentials.json"), AUTH, "Bad credentials"),
                down(p, "403 token without Actions access", fixture(403, "github/resource-not-accessible.json"), AUTH,
                        "Actions: read"),
                down(p, "404 for a repository the token cannot see", fixture(404, "github/not-found.json"), AUTH,
                        "GitHub answers 404, not 403"),
                down(p, "403 primary rate limit (x-ratelimit-remaining: 0)", fixture(403, "github/rate-limited.json")
                        .with("x-ratelimit-remaining", "0").with("x-ratelimit-reset", "1795694400"), RATE_LIMITED,
                        "primary rate limit spent, resets 2026-11-26T"),
                down(p, "429 primary rate limit", fixture(429, "github/rate-limited.json").with("x-ratelimit-remaining", "0"),
                        RATE_LIMITED, "primary rate limit spent"),
                down(p, "403 secondary rate limit", fixture(403, "github/secondary-rate-limit.json").with("retry-after", "60"),
                        RATE_LIMITED, "secondary rate limit, retry after 60 s"),
                down(p, "502 from GitHub", json(502, "{\"message\":\"Server Error\"}"), HTTP_5XX, "GitHub HTTP 502"),
                down(p, "200 without workflow_runs", json(200, "{\"total_count\":1}"), SCHEMA, "expected"));
    }

    private static ProviderAnswerCase up(ProviderUnderTest provider, String description, Reply reply, String mustSay) {
        return new ProviderAnswerCase(provider, description, List.of(anyPath(reply)), Outcome.UP, null, mustSay);
    }

    private static ProviderAnswerCase down(ProviderUnderTest provider, String description, Reply reply, FailureClass failureClass,
                                           String mustSay) {
        return new ProviderAnswerCase(provider, description, List.of(anyPath(reply)), Outcome.DOWN, failureClass, mustSay);
    }

    private static ProviderAnswerCase management(ProviderUnderTest provider, String description, Reply health, Reply functions,
                                                 Outcome outcome, FailureClass failureClass, String mustSay) {
        return new ProviderAnswerCase(provider, description, List.of(new Stub(".*/health", health),
                new Stub(".*/functions", functions)), outcome, failureClass, mustSay);
    }

    private static ProviderAnswerCase site(ProviderUnderTest provider, String description, Reply site, Reply health,
                                           Outcome outcome, FailureClass failureClass, String mustSay) {
        return new ProviderAnswerCase(provider, description, List.of(new Stub("/api/health", health), new Stub("/", site)),
                outcome, failureClass, mustSay);
    }

    private static ProviderAnswerCase deployments(ProviderUnderTest provider, String description, Reply answer, Outcome outcome,
                                                  FailureClass failureClass, String mustSay) {
        return new ProviderAnswerCase(provider, description, List.of(new Stub("/v6/deployments", answer),
                new Stub("/", html(200, "<html>ProspectPro</html>"))), outcome, failureClass, mustSay);
    }

    private static Stub anyPath(Reply reply) {
        return new Stub(".*", reply);
    }

    private static Reply cloudflareChallenge(int status) {
        return html(status, CLOUDFLARE_CHALLENGE).with("cf-mitigated", "challenge").with("Server", "cloudflare")
                .with("CF-RAY", "8f1a2b3c4d5e6f70-IAD");
    }
}
