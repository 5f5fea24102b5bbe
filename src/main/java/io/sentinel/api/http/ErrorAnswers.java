package io.sentinel.api.http;

import io.sentinel.api.ApiReplies;
import io.sentinel.api.ApiReply;
import io.vertx.core.http.HttpServerResponse;
import java.util.Collection;
import java.util.List;

/**
 * Writes the API's JSON error ({@code {"status": 404, "error": "…"}}) straight onto a Vert.x response, for the
 * answers given before a request reaches Camel. Same body and headers as {@link ApiReplies}; nothing from the
 * request is put into a header.
 */
final class ErrorAnswers {

    private ErrorAnswers() {
    }

    static void send(HttpServerResponse response, int status, String message) {
        send(response, status, message, List.of());
    }

    /** @param allow the methods for a 405's {@code Allow} header; empty for other statuses */
    static void send(HttpServerResponse response, int status, String message, Collection<String> allow) {
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            // a failure while the answer was being sent: its status is out, all that is left is to end it
            response.end();
            return;
        }
        ApiReply reply = ApiReply.error(status, message);
        response.headers().clear();
        response.setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", ApiReplies.cacheControl(reply));
        if (!allow.isEmpty()) {
            response.putHeader("Allow", String.join(", ", allow));
        }
        response.end(ApiReplies.json(reply));
    }
}
