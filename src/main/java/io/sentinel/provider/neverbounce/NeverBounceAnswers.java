package io.sentinel.provider.neverbounce;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentinel.probe.Excerpts;
import io.sentinel.probe.ProbeResult;
import io.sentinel.http.HttpResponseSnapshot;
import io.sentinel.probe.http.StatusFailures;
import io.sentinel.provider.ApiKeyOptions;
import io.sentinel.provider.ProviderAnswers;
import io.sentinel.secret.Redactor;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads NeverBounce's {@code account/info}. The body is parsed whatever the HTTP status: NeverBounce says
 * {@code "status": "auth_failure"} with HTTP 200, and one mock said it with 404.
 */
final class NeverBounceAnswers {

    private static final String EXPECTED = "a JSON object with \"status\" and a credits_info block";

    private NeverBounceAnswers() {
    }

    static ProbeResult read(HttpResponseSnapshot response, ProbeResult.Builder result, ApiKeyOptions options, Instant now) {
        int status = response.status();
        Optional<JsonNode> body = ProviderAnswers.json(response.body()).filter(JsonNode::isObject);
        Optional<String> bodyStatus = body.map(json -> json.path("status")).filter(JsonNode::isTextual).map(JsonNode::asText);
        boolean successful = status >= 200 && status < 300;
        if (bodyStatus.isPresent() && !bodyStatus.get().equals("success")) {
            String message = body.get().path("message").asText("");
            String httpNote = successful ? "" : " (HTTP " + status + ")";
            return result.down(NeverBounceStatus.classify(bodyStatus.get(), message),
                    redact(NeverBounceStatus.describe(bodyStatus.get(), message) + httpNote));
        }
        if (!successful) {
            String excerpt = Excerpts.of(response.body());
            return StatusFailures.of(status)
                    .map(failure -> result.down(failure, redact("HTTP " + status + (excerpt.isEmpty() ? "" : ": " + excerpt))))
                    .orElseGet(() -> ProviderAnswers.schemaChanged(result, response, EXPECTED));
        }
        Optional<NeverBounceAccount> account = bodyStatus.flatMap(success -> NeverBounceAccount.read(body.get()));
        if (account.isEmpty()) {
            return ProviderAnswers.schemaChanged(result, response, EXPECTED);
        }
        return result.readings(account.get().readings()).up(redact(account.get().summary()));
    }

    private static String redact(String message) {
        return Redactor.global().redact(message);
    }
}
