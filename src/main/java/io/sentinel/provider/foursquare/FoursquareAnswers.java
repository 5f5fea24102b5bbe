package io.sentinel.provider.foursquare;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentinel.probe.Excerpts;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.ProbeResult;
import io.sentinel.http.HttpResponseSnapshot;
import io.sentinel.probe.http.StatusFailures;
import io.sentinel.provider.ProviderAnswers;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads a Foursquare place search answer: the status first, Foursquare's {@code {"message": …}} for the reason. */
final class FoursquareAnswers {

    private static final String EXPECTED = "a JSON object with a 'results' list";
    private static final Pattern RATE_WORDS = Pattern.compile("(?i)rate.?limit|too many requests|quota exceeded");
    private static final Pattern CREDIT_WORDS = Pattern.compile("(?i)credit|billing|payment|upgrade");

    private FoursquareAnswers() {
    }

    static ProbeResult read(HttpResponseSnapshot response, ProbeResult.Builder result, FoursquareOptions options, Instant now) {
        int status = response.status();
        Optional<JsonNode> body = ProviderAnswers.json(response.body());
        if (status >= 200 && status < 300) {
            return success(response, body, result);
        }
        if (status < 400) {
            return ProviderAnswers.schemaChanged(result, response, EXPECTED);
        }
        String said = said(response, body);
        return switch (status) {
            case 401 -> result.down(FailureClass.AUTH, "HTTP 401 (key rejected): " + said);
            case 403 -> forbidden(said, result);
            case 402 -> result.down(FailureClass.QUOTA, "HTTP 402 (no credits left): " + said);
            case 410 -> result.down(FailureClass.HTTP_4XX, "HTTP 410 (gone: this API version or endpoint was retired): " + said);
            case 429 -> result.down(FailureClass.RATE_LIMITED, "HTTP 429 (rate limited" + retryAfter(response) + "): " + said);
            default -> result.down(StatusFailures.of(status).orElse(FailureClass.HTTP_4XX), "HTTP " + status + ": " + said);
        };
    }

    private static ProbeResult success(HttpResponseSnapshot response, Optional<JsonNode> body, ProbeResult.Builder result) {
        JsonNode json = body.filter(JsonNode::isObject).orElse(null);
        if (json == null) {
            return ProviderAnswers.schemaChanged(result, response, EXPECTED);
        }
        JsonNode results = json.get("results");
        if (results == null && json.path("message").isTextual()) {
            return result.down(FailureClass.BODY_ERROR, "HTTP " + response.status() + " with an error: "
                    + Excerpts.of(json.path("message").asText()));
        }
        if (results == null || !results.isArray()) {
            return ProviderAnswers.schemaChanged(result, response, EXPECTED);
        }
        int count = results.size();
        return result.reading("results.returned", count)
                .up("place search answered: " + count + (count == 1 ? " result" : " results"));
    }

    /**
     * Foursquare documents 403 as "The requested information is restricted": the key may not have this data.
     * Its old API used 403 for the rate limit too, and a restriction may be about credits, so the words decide.
     */
    private static ProbeResult forbidden(String said, ProbeResult.Builder result) {
        if (RATE_WORDS.matcher(said).find()) {
            return result.down(FailureClass.RATE_LIMITED, "HTTP 403 (rate limited): " + said);
        }
        if (CREDIT_WORDS.matcher(said).find()) {
            return result.down(FailureClass.QUOTA, "HTTP 403 (no credits or plan for this): " + said);
        }
        return result.down(FailureClass.AUTH, "HTTP 403 (key not allowed this data): " + said);
    }

    /** Foursquare's own words ({@code {"message": …}}), or an excerpt of whatever came instead. */
    private static String said(HttpResponseSnapshot response, Optional<JsonNode> body) {
        return body.map(json -> json.path("message"))
                .filter(JsonNode::isTextual)
                .map(message -> Excerpts.of(message.asText()))
                .orElseGet(() -> Excerpts.of(response.body()));
    }

    private static String retryAfter(HttpResponseSnapshot response) {
        return response.headers().first("Retry-After")
                .map(value -> ", retry after " + Excerpts.of(value, 40) + (value.strip().matches("\\d+") ? "s" : ""))
                .orElse("");
    }
}
