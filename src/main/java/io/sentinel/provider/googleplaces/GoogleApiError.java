package io.sentinel.provider.googleplaces;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code google.rpc.Status} envelope Places API (New) answers errors with:
 * {@code {"error":{"code","message","status","details":[{"@type":"…ErrorInfo","reason","metadata"}, …]}}}.
 * Google keeps {@code reason} stable and rewords {@code message}, so classification reads the reason.
 *
 * @param status     the canonical code, e.g. {@code PERMISSION_DENIED}; empty text when absent
 * @param message    Google's own explanation
 * @param reason     the {@code ErrorInfo} reason, e.g. {@code API_KEY_INVALID}; empty text when absent
 * @param metadata   the {@code ErrorInfo} metadata ({@code quota_limit}, {@code quota_unit} …)
 * @param retryDelay the {@code RetryInfo} delay, e.g. {@code 30s}, when Google sent one
 */
record GoogleApiError(String status, String message, String reason, Map<String, String> metadata,
                      Optional<String> retryDelay) {

    private static final String ERROR_INFO = "type.googleapis.com/google.rpc.ErrorInfo";
    private static final String RETRY_INFO = "type.googleapis.com/google.rpc.RetryInfo";

    GoogleApiError {
        metadata = Map.copyOf(metadata);
    }

    /** The envelope in {@code body}, or empty when the body is something else (an HTML error page, say). */
    static Optional<GoogleApiError> in(Optional<JsonNode> body) {
        JsonNode error = body.map(json -> json.path("error")).orElse(null);
        if (error == null || !error.isObject()) {
            return Optional.empty();
        }
        String reason = "";
        Map<String, String> metadata = new LinkedHashMap<>();
        Optional<String> retryDelay = Optional.empty();
        for (JsonNode detail : error.path("details")) {
            String type = detail.path("@type").asText("");
            if ((type.equals(ERROR_INFO) || type.isEmpty()) && reason.isEmpty() && detail.path("reason").isTextual()) {
                reason = detail.path("reason").asText();
                detail.path("metadata").fields().forEachRemaining(entry -> metadata.put(entry.getKey(), entry.getValue().asText()));
            } else if (type.equals(RETRY_INFO) && detail.path("retryDelay").isTextual()) {
                retryDelay = Optional.of(detail.path("retryDelay").asText());
            }
        }
        return Optional.of(new GoogleApiError(error.path("status").asText(""), error.path("message").asText(""), reason,
                metadata, retryDelay));
    }

    /** {@code API_KEY_INVALID}, else the status, else "error": the most specific code Google gave. */
    String code() {
        if (!reason.isEmpty()) {
            return reason;
        }
        return status.isEmpty() ? "error" : status;
    }

    boolean isQuotaError() {
        return reason.equals("RATE_LIMIT_EXCEEDED") || reason.equals("RESOURCE_EXHAUSTED") || status.equals("RESOURCE_EXHAUSTED");
    }

    Optional<String> metadata(String key) {
        return Optional.ofNullable(metadata.get(key)).filter(value -> !value.isBlank());
    }
}
