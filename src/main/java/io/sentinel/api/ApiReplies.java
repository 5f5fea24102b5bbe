package io.sentinel.api;

import io.sentinel.json.Json;
import io.sentinel.secret.Redactor;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Writes an {@link ApiReply} as the HTTP response: JSON, status code, caching header, secrets removed. */
public final class ApiReplies {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiReplies.class);

    /**
     * A handler failed: answer JSON (503 when storage is unavailable, else 500) with a short reason, and keep
     * the details for the log.
     */
    public void failure(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        boolean storageDown = error instanceof io.sentinel.store.StoreException;
        String reason = error == null ? "unknown" : Redactor.global().describe(error);
        LOG.warn("API request failed: {}", reason);
        exchange.getMessage().setBody(storageDown
                ? ApiReply.error(503, "the database is unavailable, try again shortly: " + reason)
                : ApiReply.error(500, "the request failed; the daemon's log has the details"));
        render(exchange);
    }

    public void render(Exchange exchange) {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        ApiReply reply = body instanceof ApiReply answer ? answer
                : ApiReply.error(500, "the handler returned no reply");
        // the request's headers are still on the message, and Camel would send them back: Authorization included
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, reply.status());
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("Cache-Control", reply.cacheFor().isZero() ? "no-store"
                : "max-age=" + reply.cacheFor().toSeconds());
        if (reply.status() == 401) {
            message.setHeader("WWW-Authenticate", "Bearer realm=\"sentinel\"");
        }
        message.setBody(Redactor.global().redact(Json.write(reply.body())));
    }
}
