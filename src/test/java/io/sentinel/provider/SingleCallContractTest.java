package io.sentinel.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeResult;
import io.sentinel.secret.Secret;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every single-call provider kind does the same way, because one probe runs them all: tested once here
 * for each kind instead of being copied into each kind's tests. The kinds' own tests cover what they read.
 */
class SingleCallContractTest {

    private static final String KEY = "contract-test-key-6d02b1f8a3";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @RegisterExtension
    static final ProviderServer PROVIDER = new ProviderServer();
    /** Another host, where a redirect may point. */
    @RegisterExtension
    static final WireMockExtension ELSEWHERE = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static Stream<ProviderUnderTest> singleCallKinds() {
        return Arrays.stream(ProviderUnderTest.values()).filter(ProviderUnderTest::isSingleCall);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleCallKinds")
    void withoutTheCredentialTheProbeIsSkippedSaysWhatToAddAndSendsNothing(ProviderUnderTest provider) {
        ProbeResult result = probe(provider, providerUrl(), Secret.none(), TIMEOUT);

        assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(result.message()).startsWith("set ").endsWith(": ${" + provider.credentialVariable() + "}");
        assertThat(PROVIDER.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleCallKinds")
    void anEmptyVariableIsNamed(ProviderUnderTest provider) {
        ProbeResult result = probe(provider, providerUrl(), Secret.fromVariable("", "CONTRACT_KEY"), TIMEOUT);

        assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(result.message()).isEqualTo("set CONTRACT_KEY");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleCallKinds")
    void theCredentialIsSentButNeverShownEvenWhenTheProviderEchoesIt(ProviderUnderTest provider) {
        answer(aResponse().withStatus(500).withBody("upstream refused key " + KEY));

        ProbeResult result = probe(provider, providerUrl(), Secret.of(KEY), TIMEOUT);

        assertThat(result.failureClass()).isEqualTo(FailureClass.HTTP_5XX);
        assertThat(result.message()).doesNotContain(KEY).contains("****");
        LoggedRequest request = PROVIDER.findAll(anyRequestedFor(anyUrl())).get(0);
        boolean inHeaders = request.getHeaders().all().stream().anyMatch(header -> header.values().stream()
                .anyMatch(value -> value.contains(KEY)));
        assertThat(inHeaders || request.getUrl().contains(KEY)).as("the key was sent").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleCallKinds")
    void aRedirectToAnotherHostIsRedirectAndTheOtherHostNeverSeesTheCredential(ProviderUnderTest provider) {
        answer(aResponse().withStatus(302).withHeader("Location", ELSEWHERE.baseUrl() + "/moved"));
        ELSEWHERE.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));

        ProbeResult result = probe(provider, providerUrl(), Secret.of(KEY), TIMEOUT);

        assertThat(result.failureClass()).isEqualTo(FailureClass.REDIRECT);
        assertThat(result.message()).contains(ELSEWHERE.baseUrl() + "/moved").doesNotContain(KEY);
        assertThat(ELSEWHERE.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleCallKinds")
    void aCdnChallengeIsBlockedNeverAuth(ProviderUnderTest provider) {
        answer(aResponse().withStatus(403).withHeader("cf-mitigated", "challenge").withHeader("Content-Type", "text/html")
                .withBody("<html><title>Just a moment...</title></html>"));

        ProbeResult result = probe(provider, providerUrl(), Secret.of(KEY), TIMEOUT);

        assertThat(result.failureClass()).isEqualTo(FailureClass.BLOCKED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleCallKinds")
    void a200ReportingItsOwnFailureIsNeverUp(ProviderUnderTest provider) {
        answer(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"success\":false,\"message\":\"upstream unavailable\"}"));

        ProbeResult result = probe(provider, providerUrl(), Secret.of(KEY), TIMEOUT);

        assertThat(result.failureClass()).isEqualTo(FailureClass.BODY_ERROR);
        assertThat(result.message()).contains("upstream unavailable");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleCallKinds")
    void anAnswerSlowerThanTheTimeoutIsATimeout(ProviderUnderTest provider) {
        answer(aResponse().withStatus(200).withBody("{}").withFixedDelay(3_000));

        ProbeResult result = probe(provider, providerUrl(), Secret.of(KEY), Duration.ofMillis(500));

        assertThat(result.failureClass()).isEqualTo(FailureClass.TIMEOUT);
        assertThat(result.message()).doesNotContain(KEY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleCallKinds")
    void aPortNobodyListensOnIsAConnectFailure(ProviderUnderTest provider) throws IOException {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        }

        ProbeResult result = probe(provider, closed, Secret.of(KEY), TIMEOUT);

        assertThat(result.failureClass()).isEqualTo(FailureClass.CONNECT);
    }

    private static ProbeResult probe(ProviderUnderTest provider, URI base, Secret key, Duration timeout) {
        return provider.kind().newProbe(PROVIDER.toolkit(Clock.systemUTC())).probe(provider.check(base, key, timeout));
    }

    private static void answer(ResponseDefinitionBuilder response) {
        PROVIDER.stubFor(any(anyUrl()).willReturn(response));
    }

    private static URI providerUrl() {
        return URI.create(PROVIDER.baseUrl() + "/");
    }
}
