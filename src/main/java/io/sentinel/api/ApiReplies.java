package io.sentinel.api;

import io.sentinel.json.Json;
import io.sentinel.secret.Redactor;
import io.sentinel.store.StoreException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Writes an {@link ApiReply} as the HTTP response: JSON (or a text body), status code, caching header, secrets removed. The
 * answers given before a request reaches Camel ({@link io.sentinel.api.http}) use the same body and headers.
 */
public final class ApiReplies {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiReplies.class);

    /** How long a client should wait before asking again while the database is unavailable: the longest reconnect backoff. */
    public static final String RETRY_AFTER_SECONDS = "30";

    /**
     * A handler failed: answer JSON (503 when storage is unavailable, else 500) with a short reason, and keep
     * the details for the log, on one line.
     */
    public void failure(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        boolean storageDown = error instanceof StoreException;
        String reason = error == null ? "unknown" : Redactor.global().describe(error);
        LOG.warn("API request failed: {}", reason);
        exchange.getMessage().setBody(storageDown
                ? ApiReply.error(503, "the database is unavailable, try again shortly: " + reason)
                : ApiReply.error(500, "the request failed; the daemon's log has the details"));
        render(exchange);
    }

    /**
     * Replaces the message's headers with the response's own: every request header, query parameter and path
     * parameter Camel copied into the message is dropped first, so nothing the client sent can come back as a
     * response header (the header filter strategy only lets the API's own headers out as a second guard).
     */
    public void render(Exchange exchange) {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        ApiReply reply = body instanceof ApiReply answer ? answer
                : ApiReply.error(500, "the handler returned no reply");
        // the request's headers are still on the message, and Camel would send them back: Authorization included
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, reply.status());
        message.setHeader(Exchange.CONTENT_TYPE, reply.body() instanceof ApiReply.Text text ? text.mediaType()
                : "application/json");
        message.setHeader("Cache-Control", cacheControl(reply));
        if (reply.status() == 401) {
            message.setHeader("WWW-Authenticate", "Bearer realm=\"sentinel\"");
        }
        if (reply.status() == 503) {
            message.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
        message.setBody(json(reply));
    }

    /** The response body: the reply as JSON (or its text) with every known secret masked. */
    public static String json(ApiReply reply) {
        return Redactor.global().redact(reply.body() instanceof ApiReply.Text text ? text.text()
                : Json.write(reply.body()));
    }

    public static String cacheControl(ApiReply reply) {
        return reply.cacheFor().isZero() ? "no-store" : "max-age=" + reply.cacheFor().toSeconds();
    }
}
