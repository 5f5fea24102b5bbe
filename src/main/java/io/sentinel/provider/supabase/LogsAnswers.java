package io.sentinel.provider.supabase;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentinel.probe.Excerpts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads the analytics endpoint's answer, {@code {"result": [rows], "error": …}}. A 200 can carry a failed
 * query in {@code error}; numbers can come as JSON numbers or as text (BigQuery's INT64 often does).
 */
final class LogsAnswers {

    private static final int ERROR_LENGTH = 200;

    /** One function's traffic in the asked window. */
    record FunctionTraffic(String slug, long invocations, long serverErrors, OptionalDouble p95Millis) {

        /** The reading word for the slug: {@code enrichment-orchestrator} reads as {@code enrichment_orchestrator}. */
        String readingWord() {
            return slug.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        }
    }

    private LogsAnswers() {
    }

    /** What {@code error} says, when it says anything: a failed query inside a 200. */
    static Optional<String> error(JsonNode root) {
        JsonNode error = root.get("error");
        if (error == null || error.isNull() || (error.isContainerNode() && error.isEmpty())
                || (error.isTextual() && error.asText().isBlank())) {
            return Optional.empty();
        }
        String said = error.isObject() && error.path("message").isTextual() ? error.get("message").asText()
                : error.isTextual() ? error.asText() : error.toString();
        return Optional.of(Excerpts.of(said, ERROR_LENGTH));
    }

    /**
     * The rows, one per function; rows without a function (paths outside {@code /functions/v1/}) are passed
     * over. Empty when {@code result} is not an array of rows with whole, non-negative counts.
     */
    static Optional<List<FunctionTraffic>> rows(JsonNode root) {
        JsonNode result = root.get("result");
        if (result == null || !result.isArray()) {
            return Optional.empty();
        }
        List<FunctionTraffic> rows = new ArrayList<>();
        for (JsonNode row : result) {
            if (!row.isObject()) {
                return Optional.empty();
            }
            JsonNode slug = row.get("slug");
            if (slug == null || slug.isNull() || !slug.isTextual() || slug.asText().isBlank()) {
                continue;
            }
            Optional<Double> invocations = number(row.get("invocations"));
            Optional<Double> serverErrors = number(row.get("server_errors"));
            if (invocations.isEmpty() || serverErrors.isEmpty() || invocations.get() < 0 || serverErrors.get() < 0
                    || serverErrors.get() > invocations.get()) {
                return Optional.empty();
            }
            Optional<Double> p95 = number(row.get("p95_ms"));
            rows.add(new FunctionTraffic(slug.asText(), Math.round(invocations.get()), Math.round(serverErrors.get()),
                    p95.filter(value -> value >= 0).map(OptionalDouble::of).orElse(OptionalDouble.empty())));
        }
        return Optional.of(rows);
    }

    private static Optional<Double> number(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            return Optional.of(node.asDouble()).filter(Double::isFinite);
        }
        if (node.isTextual()) {
            try {
                return Optional.of(Double.parseDouble(node.asText().strip())).filter(Double::isFinite);
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
