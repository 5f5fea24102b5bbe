package io.sentinel.provider.anonkey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.sentinel.provider.anonkey.FakeKeys.ANON_JWT;
import static io.sentinel.provider.anonkey.FakeKeys.OTHER_PROJECT_ANON_JWT;
import static io.sentinel.provider.anonkey.FakeKeys.OTHER_PROJECT_URL;
import static io.sentinel.provider.anonkey.FakeKeys.PROJECT_URL;
import static io.sentinel.provider.anonkey.FakeKeys.PUBLISHABLE_KEY;
import static io.sentinel.provider.anonkey.FakeKeys.ROTATED_ANON_JWT;
import static io.sentinel.provider.anonkey.FakeKeys.SERVICE_ROLE_JWT;
import static io.sentinel.provider.anonkey.FrontendPages.bundleWithClient;
import static io.sentinel.provider.anonkey.FrontendPages.entryImporting;
import static io.sentinel.provider.anonkey.FrontendPages.page;
import static io.sentinel.provider.anonkey.FrontendPages.vendorBundle;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.sentinel.config.CheckConfig;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeResult;
import io.sentinel.provider.ProviderServer;
import io.sentinel.provider.RawHttpFixture;
import io.sentinel.secret.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The deployed page and its bundles, served by WireMock, against the configured Supabase URL and key. */
class AnonKeyProbeTest {

    @RegisterExtension
    static final ProviderServer PROVIDER = new ProviderServer();

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final AnonKeyProbe probe = new AnonKeyProbe(PROVIDER.caller(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    @AfterEach
    void noKeyEverLeftTheProcess() {
        for (LoggedRequest request : PROVIDER.findAll(anyRequestedFor(anyUrl()))) {
            assertThat(request.getUrl() + request.getHeaders()).doesNotContain(ANON_JWT, PUBLISHABLE_KEY);
        }
    }

    @Test
    void theConfiguredUrlAndKeyInTheEntryBundleAreUp() {
        serve("/", page("/assets/index-D4f8a1.js", "/assets/vendor-Dk29xa.js"));
        serve("/assets/index-D4f8a1.js", bundleWithClient(PROJECT_URL, ANON_JWT));

        ProbeResult result = probe(options(ANON_JWT));

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.message()).isEqualTo("frontend ships the configured Supabase URL and anon key");
        assertThat(result.latency()).isPositive();
        // the entry bundle answered everything: the vendor chunk and the third-party tag are not fetched
        PROVIDER.verify(1, getRequestedFor(urlEqualTo("/")));
        PROVIDER.verify(1, getRequestedFor(urlEqualTo("/assets/index-D4f8a1.js")));
        assertThat(PROVIDER.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
    }

    @Test
    void aPublishableKeyIsRecognisedToo() {
        serve("/", page("/assets/index-D4f8a1.js", "/assets/vendor-Dk29xa.js"));
        serve("/assets/index-D4f8a1.js", bundleWithClient(PROJECT_URL, PUBLISHABLE_KEY));

        assertThat(probe(options(PUBLISHABLE_KEY)).outcome()).isEqualTo(Outcome.UP);
    }

    @Test
    void aDifferentAnonKeyIsAuthWithFingerprintsOnly() {
        serve("/", page("/assets/index-D4f8a1.js", "/assets/vendor-Dk29xa.js"));
        serve("/assets/index-D4f8a1.js", bundleWithClient(PROJECT_URL, ROTATED_ANON_JWT));
        serve("/assets/vendor-Dk29xa.js", vendorBundle());

        ProbeResult result = probe(options(ANON_JWT));

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.failureClass()).isEqualTo(FailureClass.AUTH);
        assertThat(result.message()).isEqualTo("the deployed frontend ships a different anon key (fingerprint "
                + KeyFingerprint.of(ROTATED_ANON_JWT) + ", configured " + KeyFingerprint.of(ANON_JWT)
                + ") — requests will get 401 after this deploy");
        assertThat(result.message()).doesNotContain(ROTATED_ANON_JWT, ANON_JWT);
    }

    @Test
    void aDifferentProjectIsAuthAndNamesBothProjects() {
        serve("/", page("/assets/index-D4f8a1.js", "/assets/vendor-Dk29xa.js"));
        serve("/assets/index-D4f8a1.js", bundleWithClient(OTHER_PROJECT_URL, OTHER_PROJECT_ANON_JWT));
        serve("/assets/vendor-Dk29xa.js", vendorBundle());

        ProbeResult result = probe(options(ANON_JWT));

        assertThat(result.failureClass()).isEqualTo(FailureClass.AUTH);
        assertThat(result.message()).isEqualTo("the deployed frontend ships a different Supabase project "
                + "(zyxwvutsrqponmlkjihg.supabase.co; configured abcdefghijklmnopqrst.supabase.co) and a different anon key "
                + "(fingerprint " + KeyFingerprint.of(OTHER_PROJECT_ANON_JWT) + " issued for project zyxwvutsrqponmlkjihg, "
                + "configured " + KeyFingerprint.of(ANON_JWT) + ") — requests will get 401 after this deploy");
    }

    @Test
    void aBundleWithoutSupabaseIsSchema() {
        serve("/", page("/assets/index-D4f8a1.js", "/assets/vendor-Dk29xa.js"));
        serve("/assets/index-D4f8a1.js", "console.log('hello');");
        serve("/assets/vendor-Dk29xa.js", vendorBundle());

        ProbeResult result = probe(options(ANON_JWT));

        assertThat(result.failureClass()).isEqualTo(FailureClass.SCHEMA);
        assertThat(result.message()).isEqualTo("no Supabase URL or key found in the page or its 2 bundles");
    }

    @Test
    void aPageWithoutScriptsIsSchema() {
        serve("/", "<html><body>Under maintenance</body></html>");

        ProbeResult result = probe(options(ANON_JWT));

        assertThat(result.failureClass()).isEqualTo(FailureClass.SCHEMA);
        assertThat(result.message()).isEqualTo("no Supabase URL or key found in the page or its 0 bundles");
    }

    @Test
    void aRelativeAssetPathIsResolvedAgainstThePage() {
        serve("/app/", page("./assets/index-D4f8a1.js", "./assets/vendor-Dk29xa.js"));
        serve("/app/assets/index-D4f8a1.js", bundleWithClient(PROJECT_URL, ANON_JWT));

        ProbeResult result = probe(options(URI.create(PROVIDER.baseUrl() + "/app/"), ANON_JWT, 5));

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        PROVIDER.verify(1, getRequestedFor(urlEqualTo("/app/assets/index-D4f8a1.js")));
    }

    @Test
    void aChunkTheEntryImportsIsReadWithinMaxBundles() {
        serve("/", page("/assets/index-D4f8a1.js", "/assets/vendor-Dk29xa.js"));
        serve("/assets/index-D4f8a1.js", entryImporting("./supabase-Hq81bb.js"));
        serve("/assets/vendor-Dk29xa.js", vendorBundle());
        serve("/assets/supabase-Hq81bb.js", "const u=\"" + PROJECT_URL.replace("/", "\\/") + "\",k=\"" + ANON_JWT + "\";");

        assertThat(probe(options(ANON_JWT)).outcome()).isEqualTo(Outcome.UP);

        ProbeResult twoBundlesOnly = probe(options(URI.create(PROVIDER.baseUrl() + "/"), ANON_JWT, 2));
        assertThat(twoBundlesOnly.failureClass()).isEqualTo(FailureClass.SCHEMA);
        assertThat(twoBundlesOnly.message()).endsWith("in the page or its 2 bundles");
    }

    @Test
    void aBundleThat404sSaysSo() {
        serve("/", page("/assets/index-OLDHASH.js", "/assets/vendor-Dk29xa.js"));
        PROVIDER.stubFor(get("/assets/index-OLDHASH.js").willReturn(aResponse().withStatus(404)
                .withHeader("X-Vercel-Error", "NOT_FOUND").withBody("The page could not be found\n\nNOT_FOUND\n")));
        serve("/assets/vendor-Dk29xa.js", vendorBundle());

        ProbeResult result = probe(options(ANON_JWT));

        assertThat(result.failureClass()).isEqualTo(FailureClass.HTTP_4XX);
        assertThat(result.message()).isEqualTo("bundle /assets/index-OLDHASH.js: HTTP 404 (X-Vercel-Error: NOT_FOUND); "
                + "no Supabase URL or key found in the page or its 1 bundle");
    }

    @Test
    void aBundleSlowerThanTheRestOfTheDeadlineIsATimeout() {
        serve("/", page("/assets/index-D4f8a1.js", "/assets/vendor-Dk29xa.js"));
        PROVIDER.stubFor(get("/assets/index-D4f8a1.js").willReturn(aResponse().withStatus(200)
                .withBody(bundleWithClient(PROJECT_URL, ANON_JWT)).withFixedDelay(5_000)));

        CheckConfig check = CheckConfig.builder("frontend-key", "frontend", AnonKeyCheckKind.NAME, options(ANON_JWT))
                .timeout(Duration.ofMillis(700)).build();
        ProbeResult result = probe.probe(check);

        assertThat(result.failureClass()).isEqualTo(FailureClass.TIMEOUT);
        assertThat(result.message()).startsWith("bundle /assets/index-D4f8a1.js: no complete response within");
        assertThat(result.latency()).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void theConfiguredKeyAlongsideAnotherIsUpAndMentionsTheOther() {
        serve("/", page("/assets/index-D4f8a1.js", "/assets/vendor-Dk29xa.js"));
        serve("/assets/index-D4f8a1.js", bundleWithClient(PROJECT_URL, ANON_JWT) + "const old=\"" + ROTATED_ANON_JWT + "\";");

        ProbeResult result = probe(options(ANON_JWT));

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.message()).endsWith("(it also contains 1 other anon key: " + KeyFingerprint.of(ROTATED_ANON_JWT) + ")");
    }

    @Test
    void aServiceRoleKeyIsNotTakenForTheAnonKeyAndIsMasked() {
        serve("/", page("/assets/index-D4f8a1.js", "/assets/vendor-Dk29xa.js"));
        serve("/assets/index-D4f8a1.js", bundleWithClient(PROJECT_URL, SERVICE_ROLE_JWT));
        serve("/assets/vendor-Dk29xa.js", vendorBundle());

        ProbeResult result = probe(options(ANON_JWT));

        assertThat(result.failureClass()).isEqualTo(FailureClass.SCHEMA);
        assertThat(result.message()).startsWith("frontend ships the configured Supabase URL but no anon key was found");
        assertThat(io.sentinel.secret.Redactor.global().redact("leak " + SERVICE_ROLE_JWT)).isEqualTo("leak ****");
    }

    @Test
    void aDeploymentVercelCannotFindIsNotDeployed() {
        PROVIDER.stubFor(get("/").willReturn(RawHttpFixture.load("vercel/site-deployment-not-found.txt").response()));

        ProbeResult result = probe(options(ANON_JWT));

        assertThat(result.failureClass()).isEqualTo(FailureClass.NOT_DEPLOYED);
        assertThat(result.httpStatus()).isEqualTo(404);
        assertThat(result.message()).isEqualTo("page localhost/ answered HTTP 404 (X-Vercel-Error: DEPLOYMENT_NOT_FOUND): "
                + "The deployment could not be found on Vercel. DEPLOYMENT_NOT_FOUND");
    }

    @Test
    void aPageThatTimesOutInsideVercelIsHttp5xx() {
        PROVIDER.stubFor(get("/").willReturn(RawHttpFixture.load("vercel/site-function-timeout.txt").response()));

        ProbeResult result = probe(options(ANON_JWT));

        assertThat(result.failureClass()).isEqualTo(FailureClass.HTTP_5XX);
        assertThat(result.message()).startsWith("page localhost/ answered HTTP 504 (X-Vercel-Error: FUNCTION_INVOCATION_TIMEOUT)");
    }

    @Test
    void anUnreachablePageIsClassifiedByTheCaller() {
        ProbeResult result = probe(options(URI.create("http://frontend.sentinel-test.invalid/"), ANON_JWT, 5));

        assertThat(result.failureClass()).isEqualTo(FailureClass.DNS);
        assertThat(result.message()).startsWith("page: host name frontend.sentinel-test.invalid did not resolve");
    }

    @Test
    void withoutAKeyTheProbeIsSkippedAndCallsNothing() {
        ProbeResult fromUnsetVariable = probe(new AnonKeyOptions(URI.create(PROVIDER.baseUrl() + "/"), URI.create(PROJECT_URL),
                Secret.fromVariable("", "SUPABASE_ANON_KEY"), 5));
        ProbeResult notConfigured = probe(new AnonKeyOptions(URI.create(PROVIDER.baseUrl() + "/"), URI.create(PROJECT_URL),
                Secret.none(), 5));

        assertThat(fromUnsetVariable.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(fromUnsetVariable.message()).isEqualTo("set SUPABASE_ANON_KEY");
        assertThat(notConfigured.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(notConfigured.message()).isEqualTo("set anonKey: ${SUPABASE_ANON_KEY}");
        assertThat(PROVIDER.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    private void serve(String path, String body) {
        String type = path.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/html; charset=utf-8";
        PROVIDER.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", type)
                .withBody(body)));
    }

    private AnonKeyOptions options(String configuredKey) {
        return options(URI.create(PROVIDER.baseUrl() + "/"), configuredKey, AnonKeyOptions.DEFAULT_MAX_BUNDLES);
    }

    private static AnonKeyOptions options(URI page, String configuredKey, int maxBundles) {
        return new AnonKeyOptions(page, URI.create(PROJECT_URL), Secret.fromVariable(configuredKey, "SUPABASE_ANON_KEY"),
                maxBundles);
    }

    private ProbeResult probe(AnonKeyOptions options) {
        return probe.probe(CheckConfig.builder("frontend-key", "frontend", AnonKeyCheckKind.NAME, options)
                .timeout(TIMEOUT).build());
    }
}
