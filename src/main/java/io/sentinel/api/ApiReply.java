package io.sentinel.api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an API handler answers: a status and a JSON-able body, or a {@link Text} for the few answers that are
 * not JSON. Rendering, headers and redaction happen in
 * one place ({@link ApiReplies}).
 *
 * @param status   HTTP status
 * @param body     maps, lists, records and strings that Jackson can write
 * @param cacheFor how long clients may cache it; zero means not at all
 */
public record ApiReply(int status, Object body, Duration cacheFor) {

    public ApiReply {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(cacheFor, "cacheFor");
    }

    public static ApiReply ok(Object body) {
        return new ApiReply(200, body, Duration.ZERO);
    }

    /** A text answer in another media type than JSON, such as a Markdown report; errors stay JSON. */
    public static ApiReply text(String mediaType, String text) {
        return new ApiReply(200, new Text(mediaType, text), Duration.ZERO);
    }

    /** The body of a {@link #text} answer. */
    public record Text(String mediaType, String text) {

        public Text {
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(text, "text");
        }
    }

    public static ApiReply cached(Object body, Duration cacheFor) {
        return new ApiReply(200, body, cacheFor);
    }

    /** An error people and programs can both read: {@code {"error": "...", "status": 404}}. */
    public static ApiReply error(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", message);
        return new ApiReply(status, body, Duration.ZERO);
    }

    public static ApiReply notFound(String message) {
        return error(404, message);
    }

    public static ApiReply badRequest(String message) {
        return error(400, message);
    }
}
