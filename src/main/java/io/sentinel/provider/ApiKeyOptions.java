package io.sentinel.provider;

import io.sentinel.config.CheckOptions;
import io.sentinel.secret.Secret;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of a provider kind that needs only where the API is and one key ({@code hunter},
 * {@code neverbounce}).
 *
 * <pre>
 *   apiKey: ${HUNTER_API_KEY}
 *   baseUrl: https://api.hunter.io   # default: the provider's own; tests and proxies point it elsewhere
 * </pre>
 *
 * @param baseUrl     where the API lives, without query or fragment
 * @param apiKey      the key
 * @param keyVariable the environment variable the shipped configuration reads the key from, for "set …" hints
 */
public record ApiKeyOptions(URI baseUrl, Secret apiKey, String keyVariable) implements CheckOptions {

    public ApiKeyOptions {
        ProviderUrls.requireBase(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(keyVariable, "keyVariable");
    }

    /** Reads {@code apiKey} and {@code baseUrl}; a bad baseUrl is reported through the section, never hidden by the default. */
    public static SingleCallKind.OptionsReader<ApiKeyOptions> reader(URI defaultBaseUrl, String keyVariable) {
        return check -> new ApiKeyOptions(ProviderUrls.baseUrl(check, "baseUrl", defaultBaseUrl), check.secret("apiKey"),
                keyVariable);
    }

    /** {@code baseUrl} followed by {@code pathAndQuery}, which starts with '/'. */
    public URI resolve(String pathAndQuery) {
        return ProviderUrls.resolve(baseUrl, pathAndQuery);
    }

    /** What an operator must do before the check can run, or empty when the key is there. */
    public Optional<String> missingCredential() {
        return ProviderCredentials.missing(apiKey, "apiKey", keyVariable);
    }

    @Override
    public String toString() {
        return "ApiKeyOptions[baseUrl=" + baseUrl + ", apiKey=" + apiKey + "]";
    }
}
