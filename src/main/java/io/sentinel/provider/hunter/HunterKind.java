package io.sentinel.provider.hunter;

import io.sentinel.http.HttpMethod;
import io.sentinel.http.HttpRequestSpec;
import io.sentinel.provider.ApiKeyOptions;
import io.sentinel.provider.SingleCallKind;
import io.sentinel.secret.Secret;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code hunter} check kind: Hunter.io's account endpoint, which is free (it does not count toward Hunter's
 * usage limits) and reports the searches, verifications and credits left this month.
 *
 * <pre>
 * - id: hunter-account
 *   dependency: hunter
 *   kind: hunter
 *   apiKey: ${HUNTER_API_KEY}
 * </pre>
 */
public final class HunterKind {

    public static final String NAME = "hunter";
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.hunter.io");
    public static final String KEY_VARIABLE = "HUNTER_API_KEY";
    public static final SingleCallKind<ApiKeyOptions> KIND = SingleCallKind.free(NAME, ApiKeyOptions.class,
            ApiKeyOptions.reader(DEFAULT_BASE_URL, KEY_VARIABLE), ApiKeyOptions::missingCredential, HunterKind::request,
            HunterAnswers::read);

    private HunterKind() {
    }

    /** The options of a hunter check against {@code baseUrl}. */
    public static ApiKeyOptions options(URI baseUrl, Secret apiKey) {
        return new ApiKeyOptions(baseUrl, apiKey, KEY_VARIABLE);
    }

    /** The account endpoint: free, and it carries every usage meter. */
    static URI accountUrl(ApiKeyOptions options) {
        return options.resolve("/v2/account");
    }

    /** The key goes in the {@code X-API-KEY} header, never in the query, where logs would keep it. */
    private static HttpRequestSpec request(ApiKeyOptions options) {
        return new HttpRequestSpec(HttpMethod.GET, accountUrl(options),
                Map.of("X-API-KEY", options.apiKey().value(), "Accept", "application/json"), Optional.empty());
    }
}
