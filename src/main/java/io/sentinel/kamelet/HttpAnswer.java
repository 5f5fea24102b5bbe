package io.sentinel.kamelet;

import io.sentinel.http.CallFailures;
import io.sentinel.http.HttpCallFailure;
import io.sentinel.http.HttpCaller;
import io.sentinel.http.HttpResponseSnapshot;
import io.sentinel.http.ResponseHeaders;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * The HTTP answer a route's call left on the exchange, as the judge reads it. A caught exception comes first (a
 * {@code doCatch} calls the judge with the failure, and the headers may still be those of an earlier call that
 * worked: judging those would be a false UP); then the {@code CamelHttpResponseCode} header with the headers and
 * body beside it, as camel-http leaves them.
 */
sealed interface HttpAnswer {

    /** A response arrived; its status, conditions and body decide. */
    record Response(HttpResponseSnapshot snapshot) implements HttpAnswer {
    }

    /** No response: the failure class says how the call failed. */
    record Failed(HttpCallFailure failure) implements HttpAnswer {
    }

    static HttpAnswer of(Exchange exchange, Duration latency) throws RouteContractException {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (caught instanceof HttpOperationFailedException refused) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            if (refused.getResponseHeaders() != null) {
                refused.getResponseHeaders().forEach((name, value) -> headers.put(name, List.of(value)));
            }
            return response(refused.getStatusCode(), new ResponseHeaders(headers), refused.getResponseBody(), latency);
        }
        if (caught != null) {
            Optional<URI> called = calledAddress(exchange);
            String target = called.map(HttpAnswer::hostAndPort).orElse("the dependency");
            String host = called.map(URI::getHost).orElse("of the dependency");
            return new Failed(CallFailures.classify(caught, target, host));
        }
        Object status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE);
        if (status == null) {
            throw new RouteContractException("nothing to judge: no " + Exchange.HTTP_RESPONSE_CODE
                    + " header and no caught exception — call the judge right after an http: step, or in its doCatch");
        }
        Integer code = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (code == null || code < 100 || code > 999) {
            throw new RouteContractException("header " + Exchange.HTTP_RESPONSE_CODE + " '" + status
                    + "' is not an HTTP status — it must be a number from 100 to 999");
        }
        return response(code, responseHeaders(exchange.getMessage().getHeaders()),
                exchange.getMessage().getBody(String.class), latency);
    }

    private static Response response(int status, ResponseHeaders headers, String body, Duration latency)
            throws RouteContractException {
        if (status < 100 || status > 999) {
            throw new RouteContractException("the failed call reports status " + status + ", which is not an HTTP status");
        }
        String text = body == null ? "" : body;
        boolean truncated = text.length() > HttpCaller.BODY_LIMIT_BYTES;
        return new Response(new HttpResponseSnapshot(status, headers,
                truncated ? text.substring(0, HttpCaller.BODY_LIMIT_BYTES) : text, truncated, latency));
    }

    /** The message's headers that came from the response: Camel's and Sentinel's own are left out. */
    private static ResponseHeaders responseHeaders(Map<String, Object> messageHeaders) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        messageHeaders.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (value == null || lower.startsWith("camel") || lower.startsWith("sentinel")) {
                return;
            }
            List<String> values = new ArrayList<>();
            if (value instanceof Iterable<?> several) {
                several.forEach(item -> values.add(String.valueOf(item)));
            } else {
                values.add(String.valueOf(value));
            }
            headers.put(name, values);
        });
        return new ResponseHeaders(headers);
    }

    /** Where the failed call went, from the endpoint Camel says failed; only its host and port are ever shown. */
    private static Optional<URI> calledAddress(Exchange exchange) {
        String endpoint = exchange.getProperty(Exchange.FAILURE_ENDPOINT, String.class);
        if (endpoint == null) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(endpoint);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    private static String hostAndPort(URI uri) {
        return uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
