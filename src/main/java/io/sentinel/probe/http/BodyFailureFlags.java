package io.sentinel.probe.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sentinel.probe.Excerpts;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds a failure that a JSON body reports about itself, in the shapes APIs and health endpoints commonly use,
 * so that a 2xx answer saying "I failed" is never taken as proof of health. Only the top level of an object is
 * read: arrays are data (PostgREST rows), and nested objects belong to the payload.
 *
 * <p>A failure flag is one of:
 * <ul>
 *   <li>{@code "success": false}, {@code "ok": false}, {@code "healthy": false} (also as the text "false");</li>
 *   <li>{@code "status"}, {@code "state"} or {@code "result"} saying error, fail, failed, failure, down,
 *       unhealthy or out_of_service;</li>
 *   <li>{@code "error"} present and not empty: text, an object with content, or {@code true};</li>
 *   <li>{@code "errors"} a list or object with at least one entry (GraphQL puts its errors there);</li>
 *   <li>{@code "code"}, {@code "status"} or {@code "statusCode"} a number from 400 to 599;</li>
 *   <li>a body of only envelope fields ({@code message}, {@code hint}, {@code details} …) whose message speaks
 *       of an error, with no data beside it.</li>
 * </ul>
 * What does not count: {@code "error": null}, {@code "error": ""}, {@code "error": false}, {@code "errors": []},
 * {@code "success": true}, and any message next to real data.
 */
public final class BodyFailureFlags {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXCERPT_LENGTH = 160;
    private static final Set<String> TRUTH_FLAGS = Set.of("success", "ok", "healthy");
    private static final Set<String> STATE_FIELDS = Set.of("status", "state", "result");
    private static final Set<String> FAILED_STATES = Set.of("error", "errored", "fail", "failed", "failure", "down",
            "unhealthy", "out_of_service");
    private static final Set<String> NUMERIC_CODE_FIELDS = Set.of("code", "status", "statusCode", "status_code");
    /** Fields an error envelope carries; a body of only these carries no data. */
    private static final Set<String> ENVELOPE_FIELDS = Set.of("message", "msg", "hint", "detail", "details", "code",
            "error_code", "errorCode", "status", "statusCode", "status_code", "timestamp", "path", "request_id",
            "requestId", "trace_id", "traceId", "type", "title");
    private static final Pattern ERROR_WORDS = Pattern.compile("(?i)\\b(error|errors|fail(ed|ure|s)?|exception|denied|"
            + "invalid|unauthori[sz]ed|forbidden|not found|exceeded|timed? ?out|unavailable|throttled|rate limit\\w*)\\b");

    private BodyFailureFlags() {
    }

    /** The failure the body reports, described for a message ({@code "success": false}), or empty. */
    public static Optional<String> in(String body) {
        return parse(body).flatMap(BodyFailureFlags::in);
    }

    /** The same for a body already parsed. */
    public static Optional<String> in(JsonNode root) {
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        for (String flag : TRUTH_FLAGS) {
            JsonNode value = root.get(flag);
            if (value != null && (value.isBoolean() && !value.asBoolean() || value.isTextual() && value.asText().strip().equalsIgnoreCase("false"))) {
                return Optional.of(quoted(flag) + ": false" + alongside(root, flag));
            }
        }
        for (String field : STATE_FIELDS) {
            JsonNode value = root.get(field);
            if (value != null && value.isTextual() && FAILED_STATES.contains(value.asText().strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(quoted(field) + ": " + quoted(value.asText().strip()) + alongside(root, field));
            }
        }
        Optional<String> error = error(root.get("error"));
        if (error.isPresent()) {
            return error;
        }
        JsonNode errors = root.get("errors");
        if (errors != null && errors.isContainerNode() && !errors.isEmpty()) {
            return Optional.of(quoted("errors") + ": " + Excerpts.of(errors.toString(), EXCERPT_LENGTH));
        }
        for (String field : NUMERIC_CODE_FIELDS) {
            JsonNode value = root.get(field);
            if (value != null && value.isIntegralNumber() && value.asInt() >= 400 && value.asInt() <= 599) {
                return Optional.of(quoted(field) + ": " + value.asInt() + alongside(root, field));
            }
        }
        return errorMessageOnly(root);
    }

    private static Optional<String> error(JsonNode error) {
        if (error == null || error.isNull() || error.isMissingNode()) {
            return Optional.empty();
        }
        boolean empty = error.isBoolean() && !error.asBoolean()
                || error.isTextual() && error.asText().isBlank()
                || error.isContainerNode() && error.isEmpty();
        if (empty) {
            return Optional.empty();
        }
        String value = error.isTextual() ? quoted(error.asText()) : error.toString();
        return Optional.of(quoted("error") + ": " + Excerpts.of(value, EXCERPT_LENGTH));
    }

    /** {"message": "Internal error"} and nothing else but envelope fields: an error answer sent with a 2xx. */
    private static Optional<String> errorMessageOnly(JsonNode root) {
        JsonNode message = root.has("message") ? root.get("message") : root.get("msg");
        if (message == null || !message.isTextual() || !ERROR_WORDS.matcher(message.asText()).find()) {
            return Optional.empty();
        }
        Iterator<String> fields = root.fieldNames();
        while (fields.hasNext()) {
            if (!ENVELOPE_FIELDS.contains(fields.next())) {
                return Optional.empty();
            }
        }
        return Optional.of("only a message: " + quoted(Excerpts.of(message.asText(), EXCERPT_LENGTH)));
    }

    /** The message beside a flag, which usually says what failed: {@code , "message": "quota exhausted"}. */
    private static String alongside(JsonNode root, String flag) {
        for (String field : new String[] {"message", "error", "reason", "msg", "detail"}) {
            JsonNode value = root.get(field);
            if (!field.equals(flag) && value != null && value.isTextual() && !value.asText().isBlank()) {
                return ", " + quoted(field) + ": " + quoted(Excerpts.of(value.asText(), EXCERPT_LENGTH));
            }
        }
        return "";
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static Optional<JsonNode> parse(String body) {
        if (body == null || body.isBlank() || !body.stripLeading().startsWith("{")) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(body));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }
}
