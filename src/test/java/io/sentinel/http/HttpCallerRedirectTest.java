package io.sentinel.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.sentinel.model.FailureClass;
import io.sentinel.secret.Redactor;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Redirects across two servers on different ports, which are different origins: a request that carries
 * credentials is never sent to the second one, whatever header or parameter carries them.
 */
class HttpCallerRedirectTest {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final String KEY = "redirect-test-key-5b1f0c9e";

    private static WireMockServer configured;
    private static WireMockServer elsewhere;
    private static HttpCaller caller;

    @BeforeAll
    static void start() {
        configured = new WireMockServer(options().dynamicPort());
        elsewhere = new WireMockServer(options().dynamicPort());
        configured.start();
        elsewhere.start();
        caller = new HttpCaller();
    }

    @AfterAll
    static void stop() {
        caller.close();
        configured.stop();
        elsewhere.stop();
    }

    @BeforeEach
    void forgetStubsAndRequests() {
        configured.resetAll();
        elsewhere.resetAll();
        elsewhere.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"data\":{}}")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"X-API-KEY", "apikey", "X-Goog-Api-Key", "Authorization", "Cookie", "Proxy-Authorization",
            "X-Made-Up-Header"})
    void aRequestWithACredentialHeaderIsNotSentToAnotherHost(String header) {
        redirectToElsewhere("/v2/account", 302);

        HttpCallFailure failure = failure(request("/v2/account", Map.of(header, KEY)));

        assertThat(failure.failureClass()).isEqualTo(FailureClass.REDIRECT);
        assertThat(failure.getMessage())
                .startsWith("HTTP 302 redirect to another host, " + elsewhere.baseUrl() + "/landing, not followed: "
                        + "the request carries credentials, which are only sent to " + configured.baseUrl())
                .doesNotContain(KEY);
        assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aKeyInTheQueryIsNotSentToAnotherHostAndNeverShown() {
        configured.stubFor(get(urlPathEqualTo("/v4.2/account/info")).willReturn(aResponse().withStatus(301)
                .withHeader("Location", elsewhere.baseUrl() + "/v4.2/account/info?key=" + KEY)));

        HttpCallFailure failure = failure(request("/v4.2/account/info?key=" + KEY, Map.of()));

        assertThat(failure.failureClass()).isEqualTo(FailureClass.REDIRECT);
        assertThat(failure.getMessage()).contains(elsewhere.baseUrl() + "/v4.2/account/info").doesNotContain(KEY, "key=");
        assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aConfiguredSecretInADescriptiveHeaderStillCounts() {
        Redactor.global().register(KEY);
        redirectToElsewhere("/health", 307);

        HttpCallFailure failure = failure(request("/health", Map.of("Accept", KEY)));

        assertThat(failure.failureClass()).isEqualTo(FailureClass.REDIRECT);
        assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aRequestWithoutCredentialsFollowsARedirectToAnotherHost() throws HttpCallFailure {
        redirectToElsewhere("/", 301);

        HttpResponseSnapshot response = caller.call(request("/", Map.of("Accept", "text/html")), CONNECT_TIMEOUT, DEADLINE);

        assertThat(response.status()).isEqualTo(200);
        elsewhere.verify(1, getRequestedFor(urlEqualTo("/landing")).withHeader("Accept", equalTo("text/html")));
    }

    @Test
    void aSameHostRedirectKeepsTheCredentials() throws HttpCallFailure {
        configured.stubFor(get("/v2/account").willReturn(aResponse().withStatus(308).withHeader("Location", "/v2/account/")));
        configured.stubFor(get("/v2/account/").willReturn(aResponse().withStatus(200).withBody("{}")));

        HttpResponseSnapshot response = caller.call(request("/v2/account", Map.of("X-API-KEY", KEY)), CONNECT_TIMEOUT, DEADLINE);

        assertThat(response.status()).isEqualTo(200);
        configured.verify(1, getRequestedFor(urlEqualTo("/v2/account/")).withHeader("X-API-KEY", equalTo(KEY)));
    }

    @Test
    void aLoopIsARedirectFailureNamingTheTrail() {
        configured.stubFor(get("/a").willReturn(aResponse().withStatus(302).withHeader("Location", "/b")));
        configured.stubFor(get("/b").willReturn(aResponse().withStatus(302).withHeader("Location", "/a?key=" + KEY)));
        configured.stubFor(get(urlPathEqualTo("/a")).withQueryParam("key", equalTo(KEY))
                .willReturn(aResponse().withStatus(302).withHeader("Location", "/b")));

        HttpCallFailure failure = failure(request("/a", Map.of()));

        assertThat(failure.failureClass()).isEqualTo(FailureClass.REDIRECT);
        assertThat(failure.getMessage()).isEqualTo("redirect loop: " + configured.baseUrl() + "/a → " + configured.baseUrl()
                + "/b → " + configured.baseUrl() + "/a → " + configured.baseUrl() + "/b (HTTP 302)");
    }

    @Test
    void moreThanTenRedirectsIsARedirectFailure() {
        for (int hop = 0; hop <= 11; hop++) {
            configured.stubFor(get("/hop/" + hop).willReturn(aResponse().withStatus(302).withHeader("Location", "/hop/" + (hop + 1))));
        }

        HttpCallFailure failure = failure(request("/hop/0", Map.of()));

        assertThat(failure.failureClass()).isEqualTo(FailureClass.REDIRECT);
        assertThat(failure.getMessage()).isEqualTo("more than 10 redirects, the last to " + configured.baseUrl() + "/hop/11 (HTTP 302)");
        assertThat(configured.findAll(anyRequestedFor(anyUrl()))).hasSize(11);
    }

    @Test
    void aRedirectToAnotherSchemeIsNotFollowed() {
        configured.stubFor(get("/").willReturn(aResponse().withStatus(302).withHeader("Location", "ftp://files.example/x")));

        HttpCallFailure failure = failure(request("/", Map.of()));

        assertThat(failure.failureClass()).isEqualTo(FailureClass.REDIRECT);
        assertThat(failure.getMessage()).isEqualTo("HTTP 302 redirect to a non-http address (ftp:)");
    }

    @Test
    void a303TurnsAPostIntoAGetWithoutTheBody() throws HttpCallFailure {
        configured.stubFor(post("/submit").willReturn(aResponse().withStatus(303).withHeader("Location", "/result")));
        configured.stubFor(get("/result").willReturn(aResponse().withStatus(200)));

        HttpResponseSnapshot response = caller.call(new HttpRequestSpec(HttpMethod.POST, url("/submit"),
                Map.of("Content-Type", "application/json"), Optional.of("{\"healthcheck\":true}")), CONNECT_TIMEOUT, DEADLINE);

        assertThat(response.status()).isEqualTo(200);
        configured.verify(1, getRequestedFor(urlEqualTo("/result")).withHeader("Content-Type", absent()));
    }

    @Test
    void a307RepeatsThePostWithItsBody() throws HttpCallFailure {
        configured.stubFor(post("/submit").willReturn(aResponse().withStatus(307).withHeader("Location", "/again")));
        configured.stubFor(post("/again").willReturn(aResponse().withStatus(200)));

        caller.call(new HttpRequestSpec(HttpMethod.POST, url("/submit"), Map.of("Content-Type", "application/json"),
                Optional.of("{\"healthcheck\":true}")), CONNECT_TIMEOUT, DEADLINE);

        configured.verify(1, postRequestedFor(urlEqualTo("/again")).withRequestBody(equalTo("{\"healthcheck\":true}")));
    }

    @Test
    void withoutFollowingTheRedirectIsTheAnswer() throws HttpCallFailure {
        redirectToElsewhere("/v2/account", 302);

        HttpResponseSnapshot response = caller.call(new HttpRequestSpec(HttpMethod.GET, url("/v2/account"),
                Map.of("X-API-KEY", KEY), Optional.empty(), false), CONNECT_TIMEOUT, DEADLINE);

        assertThat(response.status()).isEqualTo(302);
        assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    private static void redirectToElsewhere(String path, int status) {
        configured.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Location", elsewhere.baseUrl() + "/landing")));
    }

    private static HttpRequestSpec request(String pathAndQuery, Map<String, String> headers) {
        return new HttpRequestSpec(HttpMethod.GET, url(pathAndQuery), headers, Optional.empty());
    }

    private static HttpCallFailure failure(HttpRequestSpec request) {
        return catchThrowableOfType(() -> caller.call(request, CONNECT_TIMEOUT, DEADLINE), HttpCallFailure.class);
    }

    private static URI url(String pathAndQuery) {
        return URI.create(configured.baseUrl() + pathAndQuery);
    }
}
