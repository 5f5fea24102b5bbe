package io.sentinel.provider.supabase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sentinel.probe.Excerpts;
import java.io.IOException;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The error envelope Supabase's services share in one form or another: the gateway's {@code {message, hint}},
 * PostgREST's {@code {code, details, hint, message}} and the Edge runtime's {@code {code, message}}, where
 * {@code code} is a string on newer platforms and the number 401 on older ones.
 *
 * @param code    the error code when it is a string ("PGRST301", "42501", "BOOT_ERROR"); a numeric code only
 *                repeats the HTTP status, so it is left out
 * @param message the human message, if any
 * @param hint    what to do about it, if the service says
 */
record SupabaseErrorBody(Optional<String> code, Optional<String> message, Optional<String> hint) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PART_LENGTH = 160;

    static SupabaseErrorBody parse(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException notJson) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            return new SupabaseErrorBody(Optional.empty(), Optional.empty(), Optional.empty());
        }
        JsonNode code = root.get("code");
        return new SupabaseErrorBody(code != null && code.isTextual() ? text(code) : Optional.empty(),
                text(root.get("message")), text(root.get("hint")));
    }

    /** "message: hint", redacted and shortened, for result messages. */
    String messageAndHint() {
        return Stream.of(message, hint).flatMap(Optional::stream)
                .map(part -> Excerpts.of(part, PART_LENGTH))
                .collect(Collectors.joining(": "));
    }

    /** "CODE: message: hint" with whatever parts the body has. */
    String describe() {
        String rest = messageAndHint();
        return code.map(value -> rest.isEmpty() ? value : value + ": " + rest).orElse(rest);
    }

    private static Optional<String> text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return Optional.empty();
        }
        String value = node.asText().strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
