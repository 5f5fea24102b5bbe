package io.sentinel.provider.neverbounce;

import io.sentinel.config.CheckOptions;
import io.sentinel.provider.ProviderCredentials;
import io.sentinel.provider.ProviderUrls;
import io.sentinel.secret.Secret;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of a {@code neverbounce} check.
 *
 * @param baseUrl where the NeverBounce API lives, {@code https://api.neverbounce.com} unless a test points it elsewhere
 * @param apiKey  the API key; NeverBounce only takes it as the {@code key} parameter, which every message masks
 */
public record NeverBounceOptions(URI baseUrl, Secret apiKey) implements CheckOptions {

    public static final URI DEFAULT_BASE_URL = URI.create("https://api.neverbounce.com");
    public static final String KEY_VARIABLE = "NEVERBOUNCE_API_KEY";

    public NeverBounceOptions {
        ProviderUrls.requireBase(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
    }

    /** The free account endpoint, key included: never put this in a message. */
    public URI accountInfoUrl() {
        return ProviderUrls.resolve(baseUrl, "/v4.2/account/info?key=" + ProviderUrls.encode(apiKey.value()));
    }

    /** What an operator must do before the check can run, or empty when the key is there. */
    public Optional<String> missingCredential() {
        return ProviderCredentials.missing(apiKey, "apiKey", KEY_VARIABLE);
    }

    @Override
    public String toString() {
        return "NeverBounceOptions[baseUrl=" + baseUrl + ", apiKey=" + apiKey + "]";
    }
}
