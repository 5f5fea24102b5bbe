package io.sentinel.provider.supabase;

import io.sentinel.config.CheckOptions;
import io.sentinel.http.HttpMethod;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The options of a {@code supabase-function} check: one edge function.
 *
 * @param project      where the project is and its anon or publishable key
 * @param function     the function's slug, as in {@code /functions/v1/<slug>}
 * @param method       OPTIONS (default: reaches the worker without running business logic) or POST
 * @param payload      the JSON body of a POST; a real discovery payload spends Google and Hunter credits
 * @param expectStatus the status that means healthy, if not "any 2xx"
 */
public record SupabaseFunctionOptions(SupabaseProject project, String function, HttpMethod method,
                                      Optional<String> payload, Optional<Integer> expectStatus) implements CheckOptions {

    public static final HttpMethod DEFAULT_METHOD = HttpMethod.OPTIONS;
    /** The cheap branch the reference recommends adding to each function, sent when POST has no payload. */
    public static final String DEFAULT_PAYLOAD = "{\"healthcheck\":true}";
    static final Pattern SLUG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    public SupabaseFunctionOptions {
        Objects.requireNonNull(project, "project");
        if (function == null || !SLUG.matcher(function).matches()) {
            throw new IllegalArgumentException("function must be a slug such as business-discovery, was '" + function + "'");
        }
        if (method != HttpMethod.OPTIONS && method != HttpMethod.POST) {
            throw new IllegalArgumentException("method must be OPTIONS or POST, was " + method);
        }
        Objects.requireNonNull(payload, "payload");
        if (method == HttpMethod.OPTIONS && payload.isPresent()) {
            throw new IllegalArgumentException("a payload is only sent with POST");
        }
        Objects.requireNonNull(expectStatus, "expectStatus");
        expectStatus.filter(status -> status < 100 || status > 599).ifPresent(status -> {
            throw new IllegalArgumentException("expectStatus must be an HTTP status, was " + status);
        });
    }

    String path() {
        return "/functions/v1/" + function;
    }

    /** What a POST sends: the configured payload, or the health-check branch. */
    Optional<String> body() {
        return method == HttpMethod.POST ? Optional.of(payload.orElse(DEFAULT_PAYLOAD)) : Optional.empty();
    }
}
