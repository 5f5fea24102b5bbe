package io.sentinel.api;

import io.sentinel.json.Json;
import io.sentinel.secret.Redactor;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Writes an {@link ApiReply} as the HTTP response: JSON, status code, caching header, secrets removed. */
public final class ApiReplies {

    public void render(Exchange exchange) {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        ApiReply reply = body instanceof ApiReply answer ? answer
                : ApiReply.error(500, "the handler returned no reply");
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
