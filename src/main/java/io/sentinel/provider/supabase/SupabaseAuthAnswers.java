package io.sentinel.provider.supabase;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentinel.probe.ProbeResult;
import io.sentinel.http.HttpResponseSnapshot;
import io.sentinel.provider.ProviderAnswers;
import java.time.Instant;
import java.util.Optional;

/** {@code GET /auth/v1/health}: UP when GoTrue answers with its name and version. */
final class SupabaseAuthAnswers {

    static final String PATH = "/auth/v1/health";
    private static final String EXPECTED = "GoTrue's {\"version\", \"name\", \"description\"}";

    private SupabaseAuthAnswers() {
    }

    static ProbeResult read(HttpResponseSnapshot response, ProbeResult.Builder result, SupabaseAuthOptions options, Instant now) {
        if (!PlatformStatuses.isSuccess(response.status())) {
            return PlatformStatuses.failure(response, result).orElseGet(() -> ProviderAnswers.schemaChanged(result, response, EXPECTED));
        }
        Optional<JsonNode> body = ProviderAnswers.json(response.body());
        Optional<String> name = body.map(root -> root.path("name")).filter(JsonNode::isTextual).map(JsonNode::asText);
        Optional<String> version = body.map(root -> root.path("version")).filter(JsonNode::isTextual).map(JsonNode::asText);
        if (name.isEmpty() || version.isEmpty() || name.get().isBlank() || version.get().isBlank()) {
            return ProviderAnswers.schemaChanged(result, response, EXPECTED);
        }
        return result.up(name.get() + " " + version.get());
    }
}
