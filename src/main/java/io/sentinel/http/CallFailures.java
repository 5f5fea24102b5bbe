package io.sentinel.http;

import io.sentinel.config.Durations;
import io.sentinel.model.FailureClass;
import io.sentinel.secret.Redactor;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * Says how a call failed, as precisely as the exception allows: an alert that says "DNS" sends the on-call
 * engineer somewhere else than one that says "TLS". Messages name the host, never the query string.
 */
public final class CallFailures {

    /** Keeps a low-level message (a certificate path error can run to hundreds of characters) to a line. */
    private static final int MAX_DETAIL = 160;

    private CallFailures() {
    }

    /**
     * @param error          what the client threw
     * @param request        what was being sent
     * @param connectTimeout the connect timeout in force
     * @param deadline       the total deadline
     * @param deadlinePassed true when the deadline fired and cancelled the call, whatever the exception says
     */
    static HttpCallFailure classify(Exception error, HttpRequestSpec request, Duration connectTimeout, Duration deadline,
                                    boolean deadlinePassed) {
        if (deadlinePassed) {
            return timeout(deadline);
        }
        return classify(error, request.hostAndPort(), request.uri().getHost(), connectTimeout, "within " + Durations.format(deadline));
    }

    /**
     * A failure of a call Sentinel did not make itself (an operator's route with camel-http), classified the same
     * way; the deadline is the route's own and unknown here.
     *
     * @param target host and port, for the message
     * @param host   the host name, for a DNS failure
     */
    public static HttpCallFailure classify(Throwable error, String target, String host) {
        return classify(error, target, host, null, "(" + detail(error) + ")");
    }

    private static HttpCallFailure classify(Throwable error, String target, String host, Duration connectTimeout,
                                            String timeoutDetail) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectTimeoutException) {
                return new HttpCallFailure(FailureClass.TIMEOUT, "connect timeout: no connection to " + target
                        + (connectTimeout == null ? "" : " within " + Durations.format(connectTimeout)));
            }
            if (cause instanceof UnknownHostException) {
                return new HttpCallFailure(FailureClass.DNS, "host name " + host + " did not resolve");
            }
            if (cause instanceof SSLException) {
                return new HttpCallFailure(FailureClass.TLS, "TLS handshake with " + target + " failed: " + detail(cause));
            }
            if (cause instanceof SocketTimeoutException) {
                return new HttpCallFailure(FailureClass.TIMEOUT, "no complete response " + timeoutDetail);
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                return new HttpCallFailure(FailureClass.CONNECT, "could not connect to " + target + ": " + detail(cause));
            }
            if (cause instanceof NoHttpResponseException) {
                return new HttpCallFailure(FailureClass.CONNECT, target + " closed the connection without a response");
            }
            if (cause instanceof ConnectionClosedException) {
                return new HttpCallFailure(FailureClass.CONNECT, target + " closed the connection before the response was complete");
            }
            if (cause instanceof SocketException) {
                return new HttpCallFailure(FailureClass.CONNECT, "connection to " + target + " failed: " + detail(cause));
            }
        }
        return new HttpCallFailure(FailureClass.INTERNAL, error.getClass().getName() + ": " + detail(error));
    }

    private static HttpCallFailure timeout(Duration deadline) {
        return new HttpCallFailure(FailureClass.TIMEOUT, "no complete response within " + Durations.format(deadline));
    }

    /** The innermost message, which is the specific one ("Connection refused", "unable to find valid certification path"). */
    private static String detail(Throwable error) {
        Throwable innermost = error;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage() == null ? error.getMessage() : innermost.getMessage();
        if (message == null || message.isBlank()) {
            return innermost.getClass().getSimpleName();
        }
        // redacted before the cut: a cut URL would leave the start of a key in its query behind
        return Redactor.global().shorten(message.replaceAll("\\s+", " ").strip(), MAX_DETAIL);
    }
}
