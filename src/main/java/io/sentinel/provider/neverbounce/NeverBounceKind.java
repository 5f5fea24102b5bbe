package io.sentinel.provider.neverbounce;

import io.sentinel.http.HttpMethod;
import io.sentinel.http.HttpRequestSpec;
import io.sentinel.provider.ApiKeyOptions;
import io.sentinel.provider.ProviderUrls;
import io.sentinel.provider.SingleCallKind;
import io.sentinel.secret.Secret;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code neverbounce} check kind: NeverBounce's account endpoint, which spends no credits and reports the
 * credits left.
 *
 * <pre>
 * - id: neverbounce-account
 *   dependency: neverbounce
 *   kind: neverbounce
 *   apiKey: ${NEVERBOUNCE_API_KEY}
 * </pre>
 */
public final class NeverBounceKind {

    public static final String NAME = "neverbounce";
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.neverbounce.com");
    public static final String KEY_VARIABLE = "NEVERBOUNCE_API_KEY";
    public static final SingleCallKind<ApiKeyOptions> KIND = SingleCallKind.free(NAME, ApiKeyOptions.class,
            ApiKeyOptions.reader(DEFAULT_BASE_URL, KEY_VARIABLE), ApiKeyOptions::missingCredential,
            NeverBounceKind::request, NeverBounceAnswers::read);

    private NeverBounceKind() {
    }

    /** The options of a neverbounce check against {@code baseUrl}. */
    public static ApiKeyOptions options(URI baseUrl, Secret apiKey) {
        return new ApiKeyOptions(baseUrl, apiKey, KEY_VARIABLE);
    }

    /**
     * The free account endpoint, key included: NeverBounce only takes the key as the {@code key} parameter, which
     * every message masks. Never put this URL in a message.
     */
    static URI accountInfoUrl(ApiKeyOptions options) {
        return options.resolve("/v4.2/account/info?key=" + ProviderUrls.encode(options.apiKey().value()));
    }

    private static HttpRequestSpec request(ApiKeyOptions options) {
        return new HttpRequestSpec(HttpMethod.GET, accountInfoUrl(options), Map.of("Accept", "application/json"), Optional.empty());
    }
}
