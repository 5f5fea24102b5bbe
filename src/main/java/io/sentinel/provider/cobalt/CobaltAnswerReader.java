package io.sentinel.provider.cobalt;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentinel.probe.Excerpts;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.ProbeResult;
import io.sentinel.http.HttpResponseSnapshot;
import io.sentinel.provider.ProviderAnswers;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a Cobalt search answer. Cobalt reports some failures inside HTTP 200 ("Usage cap exceeded", bad
 * requests), and its exact {@code status} strings are NOT CONFIRMED, so the {@code message} is read first
 * and the HTTP status second.
 */
final class CobaltAnswerReader {

    static final String EXPECTED = "a JSON object with 'status' Complete and a 'results' list";
    /** The bad-request messages Cobalt documents, for when the status is not the "Bad request" we expect. */
    private static final List<String> BAD_REQUEST_MESSAGES = List.of("is required", "required parameter", "must be at least");
    private static final String MISSING_TOKEN = "Missing Authentication Token";

    private CobaltAnswerReader() {
    }

    /** What a search answer means; a shape this reader does not know is SCHEMA. */
    static ProbeResult answer(HttpResponseSnapshot response, ProbeResult.Builder result, CobaltOptions options, Instant now) {
        return read(response, ProviderAnswers.json(response.body()), result)
                .orElseGet(() -> ProviderAnswers.schemaChanged(result, response, EXPECTED));
    }

    /** The result, or empty when the answer has a shape this reader does not know (the caller reports SCHEMA). */
    static Optional<ProbeResult> read(HttpResponseSnapshot response, Optional<JsonNode> body, ProbeResult.Builder result) {
        int status = response.status();
        JsonNode answer = body.filter(JsonNode::isObject).orElse(null);
        String message = answer != null && answer.path("message").isTextual() ? answer.path("message").asText() : "";
        String said = message.isEmpty() ? Excerpts.of(response.body()) : Excerpts.of(message, 200);
        if (contains(message, "usage cap exceeded") || contains(message, "trial limit exceeded")) {
            return Optional.of(result.down(FailureClass.QUOTA, "HTTP " + status + ": " + said));
        }
        if (status == 429) {
            // AWS API Gateway, which fronts Cobalt, says "Limit Exceeded" for a spent usage-plan quota and
            // "Too Many Requests" for throttling (INFERRED from the gateway's defaults, NOT CONFIRMED for Cobalt)
            FailureClass failure = message.equalsIgnoreCase("Limit Exceeded") ? FailureClass.QUOTA : FailureClass.RATE_LIMITED;
            return Optional.of(result.down(failure, "HTTP 429: " + said));
        }
        if (status == 403 && message.equalsIgnoreCase(MISSING_TOKEN)) {
            // API Gateway's answer for a path or method it has no route for, whatever the key: the URL is wrong
            return Optional.of(result.down(FailureClass.HTTP_4XX, "HTTP 403 \"" + MISSING_TOKEN + "\": API Gateway has no "
                    + "such route (check baseUrl), not a key problem"));
        }
        if (status == 401 || status == 403) {
            return Optional.of(result.down(FailureClass.AUTH, "HTTP " + status + " (key missing or rejected): " + said));
        }
        if (status >= 500) {
            return Optional.of(result.down(FailureClass.HTTP_5XX, "HTTP " + status + ": " + said));
        }
        if (status >= 400) {
            return Optional.of(result.down(FailureClass.HTTP_4XX, "HTTP " + status + ": " + said));
        }
        if (status >= 300 || answer == null) {
            return Optional.empty();
        }
        return answered(answer, status, message, said, result);
    }

    private static Optional<ProbeResult> answered(JsonNode answer, int status, String message, String said,
                                                  ProbeResult.Builder result) {
        String searchStatus = answer.path("status").asText("");
        if (status == 202 || searchStatus.equalsIgnoreCase("Incomplete")) {
            return incomplete(answer, status, said, result);
        }
        if (contains(message, "currently not available for search")) {
            return Optional.of(result.down(FailureClass.BODY_ERROR, "state not available: " + said));
        }
        if (searchStatus.equalsIgnoreCase("Bad request") || BAD_REQUEST_MESSAGES.stream().anyMatch(text -> contains(message, text))) {
            return Optional.of(result.down(FailureClass.BODY_ERROR, "bad request: " + said));
        }
        if (searchStatus.equalsIgnoreCase("Failed")) {
            // one public client reads "Failed" as "not found"; Cobalt's documents do not list it, so it is not UP
            return Optional.of(result.down(FailureClass.BODY_ERROR, "search status Failed: " + said));
        }
        if (!searchStatus.equals("Complete")) {
            return Optional.empty();
        }
        JsonNode results = answer.path("results");
        if (!results.isArray() && !(results.isMissingNode() && contains(message, "no business found"))) {
            return Optional.empty();
        }
        int count = results.size();
        return Optional.of(result.reading("results.returned", count).up(count == 0
                ? "cached search answered: no business found (a cached miss is not billed)"
                : "cached search answered: " + count + (count == 1 ? " business" : " businesses") + " found"));
    }

    /**
     * A cached search should answer at once; a {@code retryId} means Cobalt went to fetch the data slowly. The
     * API works, so this is DEGRADED rather than a failure, and the probe does not poll: it only watches.
     */
    private static Optional<ProbeResult> incomplete(JsonNode answer, int status, String said, ProbeResult.Builder result) {
        if (!answer.path("retryId").isTextual()) {
            return Optional.empty();
        }
        return Optional.of(result.degraded("HTTP " + status + " Incomplete with a retryId: Cobalt did not answer the "
                + "cached search at once (" + said + ")"));
    }

    private static boolean contains(String message, String text) {
        return message.toLowerCase(Locale.ROOT).contains(text);
    }
}
