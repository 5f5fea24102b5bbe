package io.sentinel.provider.hunter;

import io.sentinel.config.CheckOptions;
import io.sentinel.provider.ProviderCredentials;
import io.sentinel.provider.ProviderUrls;
import io.sentinel.secret.Secret;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of a {@code hunter} check.
 *
 * @param baseUrl where the Hunter API lives, {@code https://api.hunter.io} unless a test points it elsewhere
 * @param apiKey  the API key, sent in the {@code X-API-KEY} header (never in the query, where logs would keep it)
 */
public record HunterOptions(URI baseUrl, Secret apiKey) implements CheckOptions {

    public static final URI DEFAULT_BASE_URL = URI.create("https://api.hunter.io");
    public static final String KEY_VARIABLE = "HUNTER_API_KEY";

    public HunterOptions {
        ProviderUrls.requireBase(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
    }

    /** The account endpoint: free, and it carries every usage meter. */
    public URI accountUrl() {
        return ProviderUrls.resolve(baseUrl, "/v2/account");
    }

    /** What an operator must do before the check can run, or empty when the key is there. */
    public Optional<String> missingCredential() {
        return ProviderCredentials.missing(apiKey, "apiKey", KEY_VARIABLE);
    }

    @Override
    public String toString() {
        return "HunterOptions[baseUrl=" + baseUrl + ", apiKey=" + apiKey + "]";
    }
}
