package io.sentinel.provider.hunter;

import io.sentinel.config.CheckOptions;
import io.sentinel.secret.Secret;
import java.net.URI;
import java.util.Locale;
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
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an http or https URL with a host");
        }
    }

    /** The account endpoint: free, and it carries every usage meter. */
    public URI accountUrl() {
        return URI.create(baseUrl.toString().replaceAll("/+$", "") + "/v2/account");
    }

    /** What an operator must do before the check can run, or empty when the key is there. */
    public Optional<String> missingCredential() {
        if (apiKey.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(apiKey.variable().isPresent() ? apiKey.howToSet("apiKey")
                : "set apiKey: ${" + KEY_VARIABLE + "}");
    }

    @Override
    public String toString() {
        return "HunterOptions[baseUrl=" + baseUrl + ", apiKey=" + apiKey + "]";
    }
}
