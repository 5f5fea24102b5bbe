package io.sentinel.provider.neverbounce;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentinel.probe.Excerpts;
import io.sentinel.probe.ProbeResult;
import io.sentinel.probe.http.HttpCaller;
import io.sentinel.probe.http.HttpMethod;
import io.sentinel.probe.http.HttpRequestSpec;
import io.sentinel.probe.http.HttpResponseSnapshot;
import io.sentinel.probe.http.StatusFailures;
import io.sentinel.provider.HttpProviderProbe;
import io.sentinel.secret.Redactor;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Reads NeverBounce's {@code account/info}. The body is parsed whatever the HTTP status: NeverBounce says
 * {@code "status": "auth_failure"} with HTTP 200, and one mock said it with 404.
 */
final class NeverBounceProbe extends HttpProviderProbe<NeverBounceOptions> {

    private static final String EXPECTED = "a JSON object with \"status\" and a credits_info block";

    NeverBounceProbe(HttpCaller http, Clock clock) {
        super(http, clock, NeverBounceOptions.class);
    }

    @Override
    protected Optional<String> missingCredential(NeverBounceOptions options) {
        return options.missingCredential();
    }

    @Override
    protected HttpRequestSpec request(NeverBounceOptions options) {
        return new HttpRequestSpec(HttpMethod.GET, options.accountInfoUrl(), Map.of("Accept", "application/json"),
                Optional.empty());
    }

    @Override
    protected ProbeResult interpret(HttpResponseSnapshot response, ProbeResult.Builder result, NeverBounceOptions options) {
        int status = response.status();
        Optional<JsonNode> body = json(response.body()).filter(JsonNode::isObject);
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
                    .orElseGet(() -> schemaChanged(result, response, EXPECTED));
        }
        Optional<NeverBounceAccount> account = bodyStatus.flatMap(success -> NeverBounceAccount.read(body.get()));
        if (account.isEmpty()) {
            return schemaChanged(result, response, EXPECTED);
        }
        return result.readings(account.get().readings()).up(redact(account.get().summary()));
    }

    private static String redact(String message) {
        return Redactor.global().redact(message);
    }
}
