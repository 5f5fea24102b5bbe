package io.sentinel.provider.supabase;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sentinel.config.ConfigSection;
import io.sentinel.http.HttpMethod;
import io.sentinel.http.HttpRequestSpec;
import io.sentinel.provider.SingleCallKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code supabase-function} check kind: one edge function, one check.
 *
 * <pre>
 * - id: fn-discovery
 *   dependency: supabase
 *   kind: supabase-function
 *   projectUrl: https://abcdefghijklmnopqrst.supabase.co
 *   anonKey: ${SUPABASE_ANON_KEY}
 *   function: business-discovery-background
 *   method: OPTIONS              # default; or POST
 *   payload: '{"healthcheck":true}'   # POST only; the default for POST
 *   expectStatus: 204            # optional; otherwise any 2xx is healthy
 * </pre>
 *
 * <p>OPTIONS reaches the worker, so it sees "not deployed" and "failed to boot" without running business
 * logic, provided the function answers OPTIONS early (the usual CORS pattern). A POST runs the function: a
 * real discovery or enrichment payload spends Google, Hunter and Cobalt credits on every probe, so POST only
 * what the function treats as a health check.
 */
public final class SupabaseFunctionKind {

    public static final String NAME = "supabase-function";
    /** OPTIONS and a health-check POST cost nothing beyond one function invocation. */
    public static final SingleCallKind<SupabaseFunctionOptions> KIND = SingleCallKind.free(NAME,
            SupabaseFunctionOptions.class, SupabaseFunctionKind::readOptions,
            options -> options.project().missingCredential(), SupabaseFunctionKind::request, SupabaseFunctionAnswers::read);
    private static final ObjectMapper JSON = new ObjectMapper();

    private SupabaseFunctionKind() {
    }

    private static SupabaseFunctionOptions readOptions(ConfigSection check) {
        Optional<SupabaseProject> project = SupabaseProject.read(check);
        Optional<String> function = check.requiredText("function", "business-discovery-background").flatMap(slug -> slug(check, slug));
        HttpMethod method = check.choice("method", HttpMethod.class).orElse(SupabaseFunctionOptions.DEFAULT_METHOD);
        boolean methodValid = method == HttpMethod.OPTIONS || method == HttpMethod.POST;
        if (!methodValid) {
            check.problem("method", "supabase-function sends OPTIONS or POST, not " + method,
                    "use method: OPTIONS (no business logic runs) or method: POST with a health-check payload");
        }
        Optional<String> payload = payload(check, method);
        Optional<Integer> expectStatus = check.has("expectStatus")
                ? Optional.of(check.intInRange("expectStatus", 100, 599, 200)) : Optional.empty();
        if (project.isEmpty() || function.isEmpty() || !methodValid || (check.has("payload") && payload.isEmpty())) {
            return null;
        }
        return new SupabaseFunctionOptions(project.get(), function.get(), method, payload, expectStatus);
    }

    private static Optional<String> slug(ConfigSection check, String slug) {
        if (SupabaseFunctionOptions.SLUG.matcher(slug.strip()).matches()) {
            return Optional.of(slug.strip());
        }
        check.problem("function", "'function' must be the function's slug, got '" + slug + "'",
                "the last part of /functions/v1/<slug>, e.g. business-discovery-background");
        return Optional.empty();
    }

    private static Optional<String> payload(ConfigSection check, HttpMethod method) {
        Optional<String> payload = check.text("payload");
        if (payload.isEmpty()) {
            return Optional.empty();
        }
        if (method != HttpMethod.POST) {
            check.problem("payload", "'payload' is only sent with method: POST", "add method: POST, or remove payload");
            return Optional.empty();
        }
        if (payload.get().isBlank()) {
            check.problem("payload", "'payload' is empty", "leave it out to send " + SupabaseFunctionOptions.DEFAULT_PAYLOAD);
            return Optional.empty();
        }
        try {
            JSON.readTree(payload.get());
            return payload;
        } catch (JsonProcessingException invalid) {
            check.problem("payload", "'payload' is not valid JSON: " + invalid.getOriginalMessage(),
                    "quote it in YAML, e.g. payload: '{\"healthcheck\":true}'");
            return Optional.empty();
        }
    }

    /** OPTIONS, or POST with the payload; not following redirects: the key travels in headers. */
    private static HttpRequestSpec request(SupabaseFunctionOptions options) {
        Map<String, String> headers = new LinkedHashMap<>(options.project().headers());
        options.body().ifPresent(body -> headers.put("Content-Type", "application/json"));
        return new HttpRequestSpec(options.method(), options.project().resolve(options.path()), headers,
                options.body(), false);
    }
}
