package io.sentinel.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.model.FailureClass;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.junit.jupiter.api.Test;

/** Failures that a test server cannot produce on demand, such as a connect timeout, classified from their exceptions. */
class CallFailuresTest {

    private static final HttpRequestSpec REQUEST = HttpRequestSpec.get(URI.create("https://maps.example.com/api/place?key=SuperSecretKey123"));

    @Test
    void aConnectTimeoutIsATimeoutThatSaysItWasTheConnect() {
        HttpCallFailure failure = classify(new ConnectTimeoutException("Connect to maps.example.com:443 timed out"));

        assertThat(failure.failureClass()).isEqualTo(FailureClass.TIMEOUT);
        assertThat(failure).hasMessage("connect timeout: no connection to maps.example.com:443 within 2s");
    }

    @Test
    void aReadTimeoutIsATimeoutAtTheDeadline() {
        HttpCallFailure failure = classify(new SocketTimeoutException("Read timed out"));

        assertThat(failure.failureClass()).isEqualTo(FailureClass.TIMEOUT);
        assertThat(failure).hasMessage("no complete response within 10s");
    }

    @Test
    void whateverBreaksAfterTheDeadlineFiredIsATimeout() {
        HttpCallFailure failure = CallFailures.classify(new SocketException("Socket closed"), REQUEST,
                Duration.ofSeconds(2), Duration.ofSeconds(10), true);

        assertThat(failure.failureClass()).isEqualTo(FailureClass.TIMEOUT);
        assertThat(failure).hasMessage("no complete response within 10s");
    }

    @Test
    void eachNetworkFailureHasItsOwnClass() {
        assertThat(classify(new UnknownHostException("maps.example.com")).failureClass()).isEqualTo(FailureClass.DNS);
        assertThat(classify(new SSLHandshakeException("PKIX path building failed")).failureClass()).isEqualTo(FailureClass.TLS);
        assertThat(classify(new ConnectException("Connection refused")).failureClass()).isEqualTo(FailureClass.CONNECT);
        assertThat(classify(new NoRouteToHostException("No route to host")).failureClass()).isEqualTo(FailureClass.CONNECT);
        assertThat(classify(new SocketException("Connection reset")).failureClass()).isEqualTo(FailureClass.CONNECT);
    }

    @Test
    void aWrappedCauseIsFound() {
        IOException wrapped = new IOException("request failed", new UnknownHostException("maps.example.com"));

        assertThat(classify(wrapped).failureClass()).isEqualTo(FailureClass.DNS);
    }

    @Test
    void anythingElseIsInternalAndNamesTheExceptionWithoutTheKey() {
        HttpCallFailure failure = classify(new ClientProtocolException(
                "Unexpected answer from 'https://maps.example.com/api/place?key=SuperSecretKey123'"));

        assertThat(failure.failureClass()).isEqualTo(FailureClass.INTERNAL);
        assertThat(failure.getMessage()).startsWith("org.apache.hc.client5.http.ClientProtocolException: Unexpected answer")
                .doesNotContain("SuperSecretKey123");
    }

    @Test
    void messagesNameTheHostButNeverTheQuery() {
        HttpCallFailure failure = classify(new ConnectException("Connection refused"));

        assertThat(failure).hasMessage("could not connect to maps.example.com:443: Connection refused");
        assertThat(REQUEST.address()).isEqualTo("https://maps.example.com/api/place");
        assertThat(REQUEST.toString()).doesNotContain("SuperSecretKey123");
    }

    private static HttpCallFailure classify(Exception error) {
        return CallFailures.classify(error, REQUEST, Duration.ofSeconds(2), Duration.ofSeconds(10), false);
    }
}
