package io.sentinel.provider.googleplaces;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentinel.probe.Excerpts;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.ProbeResult;
import io.sentinel.http.HttpResponseSnapshot;
import io.sentinel.probe.http.StatusFailures;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a legacy Places API answer. The legacy API reports errors as HTTP 200 with a {@code status}, so the
 * status field decides, never the HTTP status alone.
 */
final class LegacyPlacesReader {

    static final String EXPECTED = "a JSON object with a legacy 'status' (OK, ZERO_RESULTS or an error status)";
    private static final int MESSAGE_LENGTH = 300;
    /** "You must enable Billing on the Google Cloud Project …" comes as REQUEST_DENIED, but is no key problem. */
    private static final Pattern BILLING = Pattern.compile("(?i)enable billing|billing account|billing is not enabled");
    /** OVER_QUERY_LIMIT's message when it is the per-second limit rather than a daily cap or billing. */
    private static final Pattern SHORT_TERM = Pattern.compile("(?i)rate.?limit|per second|\bQPS\b");

    private LegacyPlacesReader() {
    }

    /** The result, or empty when the answer has a shape this reader does not know (the caller reports SCHEMA). */
    static Optional<ProbeResult> read(HttpResponseSnapshot response, Optional<JsonNode> body, ProbeResult.Builder result) {
        int status = response.status();
        if (status >= 300 && status < 400) {
            return Optional.empty();
        }
        if (status < 200 || status >= 400) {
            // the body may echo the request URL; Excerpts masks the key in it
            FailureClass failure = StatusFailures.of(status).orElse(FailureClass.HTTP_4XX);
            return Optional.of(result.down(failure, "HTTP " + status + ": " + Excerpts.of(response.body())));
        }
        Optional<JsonNode> json = body.filter(JsonNode::isObject).filter(node -> node.path("status").isTextual());
        return json.flatMap(answer -> byStatus(answer, result));
    }

    private static Optional<ProbeResult> byStatus(JsonNode answer, ProbeResult.Builder result) {
        String status = answer.path("status").asText();
        String said = answer.path("error_message").isTextual()
                ? ": " + Excerpts.of(answer.path("error_message").asText(), MESSAGE_LENGTH) : "";
        return switch (status) {
            case "OK" -> found(answer, result);
            case "ZERO_RESULTS" -> Optional.of(result.reading("places.returned", 0).up("findplacefromtext answered: no place matched"));
            case "REQUEST_DENIED" -> Optional.of(BILLING.matcher(said).find()
                    ? result.down(FailureClass.QUOTA, status + " (billing is not enabled on the key's project; the key itself "
                    + "is fine)" + said)
                    : result.down(FailureClass.AUTH, status + said));
            case "OVER_QUERY_LIMIT" -> Optional.of(SHORT_TERM.matcher(said).find()
                    ? result.down(FailureClass.RATE_LIMITED, status + said + " (a per-second limit)")
                    : result.down(FailureClass.QUOTA, status + said
                    + " (Google uses this status for per-second limits and for billing or daily caps alike)"));
            case "INVALID_REQUEST", "NOT_FOUND" -> Optional.of(result.down(FailureClass.BODY_ERROR, status + said));
            // A server-side failure inside a 200: classed with the 5xx outages the New API reports for the same
            // trouble, and kept apart from INVALID_REQUEST, which is our request's fault.
            case "UNKNOWN_ERROR" -> Optional.of(result.down(FailureClass.HTTP_5XX, status
                    + " (sent with HTTP 200): Google reports a server-side error; a retry may succeed" + said));
            default -> Optional.empty();
        };
    }

    /** Find Place lists {@code candidates}; Text Search, on the same status scheme, lists {@code results}. */
    private static Optional<ProbeResult> found(JsonNode answer, ProbeResult.Builder result) {
        JsonNode places = answer.path("candidates").isArray() ? answer.path("candidates") : answer.path("results");
        if (!places.isArray()) {
            return Optional.empty();
        }
        int count = places.size();
        return Optional.of(result.reading("places.returned", count)
                .up("legacy Places answered OK: " + count + (count == 1 ? " place" : " places")));
    }
}
