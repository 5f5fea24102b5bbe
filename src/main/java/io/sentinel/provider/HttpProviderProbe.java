package io.sentinel.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckOptions;
import io.sentinel.probe.Excerpts;
import io.sentinel.probe.FailureClass;
import io.sentinel.probe.Probe;
import io.sentinel.probe.ProbeResult;
import io.sentinel.probe.http.HttpCallFailure;
import io.sentinel.probe.http.HttpCaller;
import io.sentinel.probe.http.HttpRequestSpec;
import io.sentinel.probe.http.HttpResponseSnapshot;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The shape of a probe that makes one HTTP call to a provider and reads its answer: skip without
 * credentials, call, and let the subclass interpret the response. Transport failures (DNS, connect, TLS,
 * timeout) are classified by {@link HttpCaller} and need no code in the subclass.
 *
 * @param <O> the kind's options
 */
public abstract class HttpProviderProbe<O extends CheckOptions> implements Probe {

    /** Long enough for a slow TLS handshake, short enough to leave the rest of the deadline to the answer. */
    static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpCaller http;
    private final Clock clock;
    private final Class<O> optionsType;

    protected HttpProviderProbe(HttpCaller http, Clock clock, Class<O> optionsType) {
        this.http = http;
        this.clock = clock;
        this.optionsType = optionsType;
    }

    @Override
    public final ProbeResult probe(CheckConfig check) {
        O options = check.options(optionsType);
        ProbeResult.Builder result = ProbeResult.of(check.id(), check.dependency(), clock.instant());
        Optional<String> missing = missingCredential(options);
        if (missing.isPresent()) {
            return result.skipped(missing.get());
        }
        long started = System.nanoTime();
        try {
            Duration connectTimeout = check.timeout().compareTo(MAX_CONNECT_TIMEOUT) < 0 ? check.timeout() : MAX_CONNECT_TIMEOUT;
            HttpResponseSnapshot response = http.call(request(options), connectTimeout, check.timeout());
            result.latency(response.latency()).httpStatus(response.status());
            return interpret(response, result, options);
        } catch (HttpCallFailure failure) {
            return result.latency(Duration.ofNanos(System.nanoTime() - started))
                    .down(failure.failureClass(), failure.getMessage());
        }
    }

    /** What an operator must do before this check can run ("set HUNTER_API_KEY"), or empty when it can. */
    protected abstract Optional<String> missingCredential(O options);

    /** The one request this probe makes. */
    protected abstract HttpRequestSpec request(O options);

    /** What the response means; latency and status are already on {@code result}. */
    protected abstract ProbeResult interpret(HttpResponseSnapshot response, ProbeResult.Builder result, O options);

    /** The body as JSON, or empty when it is not JSON at all. */
    protected static Optional<JsonNode> json(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(body));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /**
     * The provider answered, but not in the shape we know: SCHEMA, never UP. The status and an excerpt are
     * kept so a person can see what really came back.
     */
    protected static ProbeResult schemaChanged(ProbeResult.Builder result, HttpResponseSnapshot response, String expected) {
        return result.down(FailureClass.SCHEMA, "HTTP " + response.status() + ", expected " + expected + "; got: "
                + Excerpts.of(response.body()));
    }
}
