package io.sentinel.http;

import java.time.Duration;
import java.util.Objects;

/**
 * A response as it was received, body included, after the connection is gone.
 *
 * @param status    the HTTP status
 * @param headers   the response headers
 * @param body      the body as text, at most {@link HttpCaller#BODY_LIMIT_BYTES} of it
 * @param truncated true when the body was longer and the rest was not read
 * @param latency   from sending the request to the last byte read
 */
public record HttpResponseSnapshot(int status, ResponseHeaders headers, String body, boolean truncated, Duration latency) {

    public HttpResponseSnapshot {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status must be a 3-digit HTTP status, was " + status);
        }
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, was " + latency);
        }
    }

}
