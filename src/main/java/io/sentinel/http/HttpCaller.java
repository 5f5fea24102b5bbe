package io.sentinel.http;

import io.sentinel.model.FailureClass;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends one HTTP request for a probe and returns the whole response, or says precisely why there is none.
 * Shared by every HTTP-based check kind; one instance serves the whole process.
 *
 * <ul>
 *   <li>Every call opens a fresh connection: a monitor must exercise DNS, TCP and TLS each time, or it would
 *       report a dependency healthy over a connection opened an hour ago.</li>
 *   <li>The deadline covers everything, a body trickling in byte by byte included: a timer cancels the call,
 *       which closes its socket. The one exception is the DNS lookup, which Java cannot interrupt: a hanging
 *       resolver holds the call until the system resolver gives up.</li>
 *   <li>At most {@link #BODY_LIMIT_BYTES} of the body is read.</li>
 *   <li>No retries, cookies or cached credentials: each probe observes the dependency afresh.</li>
 *   <li>Redirects are followed here, hop by hop ({@link RedirectTrail}): credentials never go to another host,
 *       and loops are the dependency's failure, not ours.</li>
 * </ul>
 */
public final class HttpCaller implements AutoCloseable {

    public static final String USER_AGENT = "Sentinel/0.1 (dependency monitor)";
    public static final int BODY_LIMIT_BYTES = 1024 * 1024;
    /** Connections are never reused, so the pool only bounds how many probes may be in flight at once. */
    private static final int MAX_CONNECTIONS = 1024;
    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final CloseableHttpClient client;
    private final ScheduledThreadPoolExecutor deadlines;

    public HttpCaller() {
        this.client = newClient();
        this.deadlines = new ScheduledThreadPoolExecutor(1, task -> {
            // a name of its own in its first 15 characters, all that top and /proc show
            Thread thread = new Thread(task, "sentinel-deadline");
            thread.setDaemon(true);
            return thread;
        });
        // Nearly every call finishes before its deadline; without this the cancelled timers would pile up.
        deadlines.setRemoveOnCancelPolicy(true);
    }

    /**
     * @param request        what to send
     * @param connectTimeout how long establishing the connection may take (capped by the deadline)
     * @param deadline       how long the whole call may take, from connecting to the last byte of the body
     * @throws HttpCallFailure when no complete response arrived; its failure class says why
     */
    public HttpResponseSnapshot call(HttpRequestSpec request, Duration connectTimeout, Duration deadline) throws HttpCallFailure {
        Objects.requireNonNull(request, "request");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(deadline, "deadline");
        Duration effectiveConnectTimeout = connectTimeout.compareTo(deadline) < 0 ? connectTimeout : deadline;
        AtomicReference<HttpUriRequestBase> inFlight = new AtomicReference<>();
        AtomicBoolean deadlinePassed = new AtomicBoolean();
        long started = System.nanoTime();
        ScheduledFuture<?> timer;
        try {
            timer = deadlines.schedule(() -> {
                deadlinePassed.set(true);
                HttpUriRequestBase message = inFlight.get();
                if (message != null) {
                    message.cancel();
                }
            }, deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            throw new HttpCallFailure(FailureClass.INTERNAL, "the HTTP caller is closed");
        }
        try {
            RedirectTrail redirects = new RedirectTrail(request);
            HttpRequestSpec current = request;
            while (true) {
                HttpResponseSnapshot response = send(current, effectiveConnectTimeout, deadline, inFlight, deadlinePassed, started);
                Optional<HttpRequestSpec> next = redirects.next(current, response);
                if (next.isEmpty()) {
                    return response;
                }
                current = next.get();
            }
        } finally {
            timer.cancel(false);
        }
    }

    /** One hop: the timer cancels whichever hop is in flight when the deadline passes. */
    private HttpResponseSnapshot send(HttpRequestSpec request, Duration connectTimeout, Duration deadline,
                                      AtomicReference<HttpUriRequestBase> inFlight, AtomicBoolean deadlinePassed,
                                      long started) throws HttpCallFailure {
        HttpUriRequestBase message = ClassicRequests.build(request, connectTimeout, deadline);
        inFlight.set(message);
        try {
            if (deadlinePassed.get()) {
                // the timer fired between two hops, before this one was in flight to be cancelled
                message.cancel();
            }
            return exchange(message, started);
        } catch (IOException | RuntimeException error) {
            throw CallFailures.classify(error, request, connectTimeout, deadline, deadlinePassed.get());
        }
    }

    private HttpResponseSnapshot exchange(HttpUriRequestBase message, long started) throws IOException {
        ClassicHttpResponse response = client.executeOpen(null, message, HttpClientContext.create());
        try {
            BodyReader.Body body = BodyReader.read(response.getEntity(), BODY_LIMIT_BYTES);
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            if (body.truncated()) {
                // Closing the response would read the rest of the body first; cancelling drops the connection.
                message.cancel();
            }
            return new HttpResponseSnapshot(response.getCode(), headersOf(response), body.text(), body.truncated(), latency);
        } finally {
            closeQuietly(response);
        }
    }

    private static ResponseHeaders headersOf(ClassicHttpResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        return new ResponseHeaders(headers);
    }

    /** The response is complete or deliberately abandoned by now, and its connection is never reused. */
    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException alreadyAborted) {
            // an aborted connection complains when closed; there is nothing left to release
        }
    }

    private static CloseableHttpClient newClient() {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .setMaxConnPerRoute(MAX_CONNECTIONS)
                        .setTlsSocketStrategy(new FirstUseTls())
                        .setDnsResolver(SystemDnsResolver.INSTANCE)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(DEFAULT_CONNECT_TIMEOUT))
                                .build())
                        .build())
                .setConnectionReuseStrategy((request, response, context) -> false)
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                // redirects are followed by call(), one judged hop at a time (RedirectTrail)
                .disableRedirectHandling()
                .setUserAgent(USER_AGENT)
                .build();
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }

    /** Stops the deadline timer and drops every open connection; calls in flight fail. */
    @Override
    public void close() {
        deadlines.shutdownNow();
        client.close(CloseMode.IMMEDIATE);
    }
}
