package io.sentinel.provider.supabase;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentinel.provider.ProviderAnswers;
import io.sentinel.probe.Excerpts;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.ProbeResult;
import io.sentinel.probe.http.BodyFailureFlags;
import io.sentinel.probe.http.EdgeBlock;
import io.sentinel.http.HttpResponseSnapshot;
import io.sentinel.probe.http.StatusFailures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads the Management API's answers: service health, the function list, and its error statuses. */
final class ManagementAnswers {

    /** One entry of {@code /health}. The status values are not documented; {@code healthy} decides. */
    record ServiceHealth(String name, boolean healthy, Optional<String> status, Optional<String> error) {

        /** "storage (UNHEALTHY: upstream connect error)". */
        String describe() {
            List<String> parts = new ArrayList<>();
            status.ifPresent(parts::add);
            error.ifPresent(parts::add);
            return parts.isEmpty() ? name : name + " (" + String.join(": ", parts) + ")";
        }
    }

    static final String ACTIVE = "ACTIVE";
    static final String REMOVED = "REMOVED";
    static final String THROTTLED = "THROTTLED";
    private static final int ERROR_LENGTH = 100;

    private ManagementAnswers() {
    }

    /** The services, or empty when the body is not an array of {@code {name, healthy}}. */
    static Optional<List<ServiceHealth>> services(String body) {
        Optional<JsonNode> root = ProviderAnswers.json(body).filter(node -> node.isArray() && !node.isEmpty());
        if (root.isEmpty()) {
            return Optional.empty();
        }
        List<ServiceHealth> services = new ArrayList<>();
        for (JsonNode entry : root.get()) {
            if (!entry.path("name").isTextual() || !entry.path("healthy").isBoolean()) {
                return Optional.empty();
            }
            services.add(new ServiceHealth(entry.get("name").asText(), entry.get("healthy").asBoolean(),
                    text(entry.get("status")), text(entry.get("error"))));
        }
        return Optional.of(services);
    }

    /** Each function's status by slug, or empty when the body is not an array of {@code {slug, status}}. */
    static Optional<Map<String, String>> functionStatuses(String body) {
        Optional<JsonNode> root = ProviderAnswers.json(body).filter(JsonNode::isArray);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> statuses = new LinkedHashMap<>();
        for (JsonNode entry : root.get()) {
            if (!entry.path("slug").isTextual() || !entry.path("status").isTextual()) {
                return Optional.empty();
            }
            statuses.put(entry.get("slug").asText(), entry.get("status").asText());
        }
        return Optional.of(statuses);
    }

    /**
     * The failure a non-2xx answer stands for; what the API said goes into the message. A CDN's block page is
     * BLOCKED and a redirect (never followed: the token travels in a header) REDIRECT, whatever the status.
     */
    static ProbeResult failure(HttpResponseSnapshot response, ProbeResult.Builder result, String call) {
        int status = response.status();
        Optional<EdgeBlock> block = EdgeBlock.in(response);
        if (block.isPresent()) {
            return result.down(FailureClass.BLOCKED, call + ": " + block.get().describe(status));
        }
        Optional<String> redirect = response.headers().first("Location").filter(location -> status >= 300 && status < 400)
                .map(location -> call + ": HTTP " + status + " redirect (not followed: the access token goes to the "
                        + "Management API only)");
        if (redirect.isPresent()) {
            return result.down(FailureClass.REDIRECT, redirect.get());
        }
        String said = said(response.body());
        String prefix = call + ": HTTP " + status;
        return switch (status) {
            case 401 -> result.down(FailureClass.AUTH, prefix + " (access token rejected): " + said);
            case 402 -> result.down(FailureClass.QUOTA, prefix + " (payment required): " + said);
            case 403 -> restrictionWords(said) ? result.down(FailureClass.QUOTA, prefix + " (restricted): " + said)
                    : result.down(FailureClass.AUTH, prefix + " (token lacks access to this project or scope): " + said);
            case 404 -> result.down(FailureClass.HTTP_4XX, prefix + " (project not found or not visible to this token): " + said);
            case 429 -> result.down(FailureClass.RATE_LIMITED, prefix + " (rate limit, about 60 requests a minute per user"
                    + response.headers().first("Retry-After").map(seconds -> "; retry after " + seconds + " s").orElse("")
                    + "): " + said);
            default -> result.down(StatusFailures.of(status).filter(failureClass -> status >= 400).orElse(FailureClass.SCHEMA),
                    prefix + ": " + said);
        };
    }

    /** A 403 that speaks of billing or an exceeded allowance is a quota, not a key problem. */
    private static boolean restrictionWords(String said) {
        String lower = said.toLowerCase(Locale.ROOT);
        return lower.contains("quota") || lower.contains("exceed") || lower.contains("billing") || lower.contains("payment");
    }

    private static String said(String body) {
        return ProviderAnswers.json(body).filter(JsonNode::isObject).flatMap(root -> text(root.get("message")))
                .orElseGet(() -> Excerpts.of(body));
    }


    /** Text as is, and anything else (an error object) as short JSON. */
    private static Optional<String> text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        String value = node.isTextual() ? node.asText() : node.toString();
        return value.isBlank() ? Optional.empty() : Optional.of(Excerpts.of(value, ERROR_LENGTH));
    }

    /** Not the shape we know; but a body saying it failed ({"message":"Internal error"}) is that failure. */
    static ProbeResult schemaChanged(ProbeResult.Builder result, HttpResponseSnapshot response, String call, String expected) {
        Optional<String> reported = BodyFailureFlags.in(response.body());
        if (reported.isPresent()) {
            return result.down(FailureClass.BODY_ERROR, call + ": HTTP " + response.status()
                    + " reporting a failure in its body: " + reported.get());
        }
        return result.down(FailureClass.SCHEMA, call + ": HTTP " + response.status() + ", expected " + expected + "; got: "
                + Excerpts.of(response.body()));
    }
}
