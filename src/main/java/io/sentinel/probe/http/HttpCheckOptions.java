package io.sentinel.probe.http;

import io.sentinel.http.HttpRequestSpec;
import io.sentinel.http.HttpMethod;
import io.sentinel.config.CheckOptions;
import io.sentinel.probe.condition.Condition;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of an {@code http} check.
 *
 * @param method          the request method, GET unless configured
 * @param url             the http or https URL to call
 * @param headers         request headers (API keys often travel here)
 * @param body            the request body, if any
 * @param conditions      what the response must satisfy; none means "a status from 200 to 399"
 * @param connectTimeout  how long connecting may take; the check's timeout caps it
 * @param followRedirects whether 3xx answers are followed
 */
public record HttpCheckOptions(
        HttpMethod method,
        URI url,
        Map<String, String> headers,
        Optional<String> body,
        List<Condition> conditions,
        Duration connectTimeout,
        boolean followRedirects) implements CheckOptions {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    public HttpCheckOptions {
        Objects.requireNonNull(method, "method");
        HttpRequestSpec.requireHttpUrl(url);
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
        Objects.requireNonNull(body, "body");
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive, was " + connectTimeout);
        }
    }

    /** A plain GET of {@code url} with the defaults, as the minimal configuration gives. */
    public static HttpCheckOptions get(URI url) {
        return new HttpCheckOptions(HttpMethod.GET, url, Map.of(), Optional.empty(), List.of(), DEFAULT_CONNECT_TIMEOUT, true);
    }

    public HttpCheckOptions withConditions(List<Condition> newConditions) {
        return new HttpCheckOptions(method, url, headers, body, newConditions, connectTimeout, followRedirects);
    }

    public HttpRequestSpec request() {
        return new HttpRequestSpec(method, url, headers, body, followRedirects);
    }

    /** Header values are left out, and the URL has no query string: both are where API keys travel. */
    @Override
    public String toString() {
        return "HttpCheckOptions[" + request() + ", conditions " + conditions + ", connectTimeout " + connectTimeout + "]";
    }
}
