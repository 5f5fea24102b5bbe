package io.sentinel.provider.supabase;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentinel.probe.ProbeResult;
import io.sentinel.probe.http.HttpCaller;
import io.sentinel.probe.http.HttpMethod;
import io.sentinel.probe.http.HttpRequestSpec;
import io.sentinel.probe.http.HttpResponseSnapshot;
import io.sentinel.provider.HttpProviderProbe;
import java.time.Clock;
import java.util.Optional;

/** {@code GET /auth/v1/health}: UP when GoTrue answers with its name and version. */
final class SupabaseAuthProbe extends HttpProviderProbe<SupabaseAuthOptions> {

    static final String PATH = "/auth/v1/health";
    private static final String EXPECTED = "GoTrue's {\"version\", \"name\", \"description\"}";

    SupabaseAuthProbe(HttpCaller http, Clock clock) {
        super(http, clock, SupabaseAuthOptions.class);
    }

    @Override
    protected Optional<String> missingCredential(SupabaseAuthOptions options) {
        return options.project().missingCredential();
    }

    @Override
    protected HttpRequestSpec request(SupabaseAuthOptions options) {
        // not following redirects: the key travels in headers, and must not follow a redirect to another host
        return new HttpRequestSpec(HttpMethod.GET, options.project().resolve(PATH), options.project().headers(),
                Optional.empty(), false);
    }

    @Override
    protected ProbeResult interpret(HttpResponseSnapshot response, ProbeResult.Builder result, SupabaseAuthOptions options) {
        if (!PlatformStatuses.isSuccess(response.status())) {
            return PlatformStatuses.failure(response, result).orElseGet(() -> schemaChanged(result, response, EXPECTED));
        }
        Optional<JsonNode> body = json(response.body());
        Optional<String> name = body.map(root -> root.path("name")).filter(JsonNode::isTextual).map(JsonNode::asText);
        Optional<String> version = body.map(root -> root.path("version")).filter(JsonNode::isTextual).map(JsonNode::asText);
        if (name.isEmpty() || version.isEmpty() || name.get().isBlank() || version.get().isBlank()) {
            return schemaChanged(result, response, EXPECTED);
        }
        return result.up(name.get() + " " + version.get());
    }
}
