package io.sentinel.provider.vercel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The production site and its health path, as a visitor meets them. */
class VercelSiteTest {

    @RegisterExtension
    static final ProviderServer PROVIDER = new ProviderServer();

    private static final Instant NOW = Instant.parse("2026-01-01T00:42:00Z");

    private final VercelProbe probe = new VercelProbe(PROVIDER.caller(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aCachedPageIsUpWithTheCacheReadings() {
        PROVIDER.stubFor(get("/").willReturn(aResponse().withStatus(200).withBody("<html>ProspectPro</html>")
                .withHeader("x-vercel-cache", "HIT").withHeader("Cache-Control", "public, max-age=0, must-revalidate")));

        ProbeResult result = probe(siteOnly());

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.readings()).containsExactly(entry("vercel.cache.hit", 1.0), entry("cache.max_age", 0.0));
        assertThat(result.message()).isEqualTo("site HTTP 200, x-vercel-cache HIT, cache-control public, max-age=0, must-revalidate");
        assertThat(result.latency()).isPositive();
    }

    @Test
    void aMissIsZeroAndTheCdnLifetimeWins() {
        PROVIDER.stubFor(get("/").willReturn(aResponse().withStatus(200)
                .withHeader("X-Vercel-Cache", "MISS").withHeader("Cache-Control", "max-age=0, s-maxage=60")));

        ProbeResult result = probe(siteOnly());

        assertThat(result.readings()).containsExactly(entry("vercel.cache.hit", 0.0), entry("cache.max_age", 60.0));
        assertThat(result.message()).contains("x-vercel-cache MISS", "cache-control max-age=0, s-maxage=60");
    }

    @Test
    void withoutCacheHeadersThereAreNoReadings() {
        PROVIDER.stubFor(get("/").willReturn(aResponse().withStatus(200).withBody("hello")));

        ProbeResult result = probe(siteOnly());

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.readings()).isEmpty();
        assertThat(result.message()).isEqualTo("site HTTP 200, no x-vercel-cache header");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "site-deployment-not-found.txt, NOT_DEPLOYED, 404, 'DEPLOYMENT_NOT_FOUND: site answered HTTP 404, the deployment was not found'",
            "site-function-timeout.txt,     TIMEOUT,      504, 'FUNCTION_INVOCATION_TIMEOUT: site answered HTTP 504'",
            "site-deployment-paused.txt,    NOT_DEPLOYED, 503, 'DEPLOYMENT_PAUSED: site answered HTTP 503, the deployment is paused'"})
    void everyRawSiteFixtureIsClassifiedByItsVercelErrorCode(String file, FailureClass expected, int status, String message) {
        RawHttpFixture fixture = RawHttpFixture.load("vercel/" + file);
        assertThat(fixture.status()).isEqualTo(status);
        PROVIDER.stubFor(get("/").willReturn(fixture.response()));

        ProbeResult result = probe(siteOnly());

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.failureClass()).isEqualTo(expected);
        assertThat(result.httpStatus()).isEqualTo(status);
        assertThat(result.message()).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0} with HTTP {1} is {2}")
    @CsvSource({
            "DEPLOYMENT_DISABLED,              402, NOT_DEPLOYED",
            "DEPLOYMENT_BLOCKED,               403, NOT_DEPLOYED",
            "DEPLOYMENT_DELETED,               410, NOT_DEPLOYED",
            "NOT_FOUND,                        404, NOT_DEPLOYED",
            "EDGE_FUNCTION_INVOCATION_TIMEOUT, 504, TIMEOUT",
            "FUNCTION_THROTTLED,               503, RATE_LIMITED",
            "FUNCTION_INVOCATION_FAILED,       500, HTTP_5XX",
            "NO_RESPONSE_FROM_FUNCTION,        502, HTTP_5XX",
            "INVALID_REQUEST_METHOD,           405, HTTP_4XX"})
    void everyVercelErrorCodeIsClassified(String code, int status, FailureClass expected) {
        PROVIDER.stubFor(get("/").willReturn(aResponse().withStatus(status).withHeader("X-Vercel-Error", code)
                .withBody("An error occurred with your deployment\n\n" + code)));

        ProbeResult result = probe(siteOnly());

        assertThat(result.failureClass()).isEqualTo(expected);
        assertThat(result.message()).startsWith(code + ": site answered HTTP " + status);
    }

    @Test
    void pausedAndDisabledSayWhatHappened() {
        PROVIDER.stubFor(get("/").willReturn(aResponse().withStatus(402).withHeader("X-Vercel-Error", "DEPLOYMENT_DISABLED")));

        assertThat(probe(siteOnly()).message()).contains("disabled");
    }

    @Test
    void aFailureWithoutVercelCodeIsClassifiedByItsStatus() {
        PROVIDER.stubFor(get("/").willReturn(aResponse().withStatus(500).withBody("Internal Server Error")));

        ProbeResult result = probe(siteOnly());

        assertThat(result.failureClass()).isEqualTo(FailureClass.HTTP_5XX);
        assertThat(result.message()).isEqualTo("site answered HTTP 500: Internal Server Error");
    }

    @Test
    void redirectsAreFollowedToThePageTheyLeadTo() {
        PROVIDER.stubFor(get("/").willReturn(aResponse().withStatus(308).withHeader("Location", "/en")));
        PROVIDER.stubFor(get("/en").willReturn(aResponse().withStatus(200).withHeader("x-vercel-cache", "PRERENDER")));

        ProbeResult result = probe(siteOnly());

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.readings()).containsExactly(entry("vercel.cache.hit", 0.0));
    }

    @Test
    void aWorkingHealthPathKeepsTheCheckUp() {
        PROVIDER.stubFor(get("/").willReturn(aResponse().withStatus(200).withHeader("x-vercel-cache", "HIT")));
        PROVIDER.stubFor(get("/api/health").willReturn(aResponse().withStatus(200).withBody("{\"ok\":true}")));

        ProbeResult result = probe(withHealthPath("/api/health"));

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.message()).isEqualTo("site HTTP 200, x-vercel-cache HIT; health /api/health HTTP 200");
        PROVIDER.verify(1, getRequestedFor(urlEqualTo("/api/health")));
    }

    @Test
    void aFailingHealthPathIsDownAndToldFirst() {
        PROVIDER.stubFor(get("/").willReturn(aResponse().withStatus(200).withHeader("x-vercel-cache", "HIT")));
        PROVIDER.stubFor(get("/api/health").willReturn(aResponse().withStatus(503).withBody("{\"db\":\"down\"}")));

        ProbeResult result = probe(withHealthPath("/api/health"));

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.failureClass()).isEqualTo(FailureClass.HTTP_5XX);
        assertThat(result.httpStatus()).isEqualTo(503);
        assertThat(result.message()).isEqualTo(
                "health /api/health answered HTTP 503, expected 2xx: {\"db\":\"down\"}; site HTTP 200, x-vercel-cache HIT");
        assertThat(result.readings()).containsExactly(entry("vercel.cache.hit", 1.0));
    }

    @Test
    void aHealthPathTimingOutInsideVercelIsATimeout() {
        PROVIDER.stubFor(get("/").willReturn(aResponse().withStatus(200)));
        PROVIDER.stubFor(get("/api/health").willReturn(RawHttpFixture.load("vercel/site-function-timeout.txt").response()));

        ProbeResult result = probe(withHealthPath("/api/health"));

        assertThat(result.failureClass()).isEqualTo(FailureClass.TIMEOUT);
        assertThat(result.message()).startsWith("FUNCTION_INVOCATION_TIMEOUT: health /api/health answered HTTP 504");
    }

    @Test
    void anUnreachableSiteIsNotAskedForItsHealthPath() {
        VercelOptions options = new VercelOptions(URI.create("http://prospectpro.invalid/"), Optional.of("/api/health"),
                Optional.empty(), Secret.none(), Optional.empty(), PROVIDER.base(), Duration.ofMinutes(30));

        ProbeResult result = probe(options);

        assertThat(result.failureClass()).isEqualTo(FailureClass.DNS);
        assertThat(result.message()).isEqualTo("site: host name prospectpro.invalid did not resolve");
    }

    private VercelOptions siteOnly() {
        return VercelOptions.site(URI.create(PROVIDER.baseUrl() + "/"));
    }

    private VercelOptions withHealthPath(String path) {
        return new VercelOptions(URI.create(PROVIDER.baseUrl() + "/"), Optional.of(path), Optional.empty(), Secret.none(),
                Optional.empty(), PROVIDER.base(), Duration.ofMinutes(30));
    }

    private ProbeResult probe(VercelOptions options) {
        CheckConfig check = CheckConfig.builder("frontend", "vercel", VercelCheckKind.NAME, options)
                .timeout(Duration.ofSeconds(5)).build();
        return probe.probe(check);
    }
}
