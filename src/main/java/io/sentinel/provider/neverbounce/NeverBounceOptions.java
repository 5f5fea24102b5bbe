package io.sentinel.provider.neverbounce;

import io.sentinel.config.CheckOptions;
import io.sentinel.secret.Secret;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
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
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an http or https URL with a host");
        }
    }

    /** The free account endpoint, key included: never put this in a message. */
    public URI accountInfoUrl() {
        return URI.create(baseUrl.toString().replaceAll("/+$", "") + "/v4.2/account/info?key="
                + URLEncoder.encode(apiKey.value(), StandardCharsets.UTF_8));
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
        return "NeverBounceOptions[baseUrl=" + baseUrl + ", apiKey=" + apiKey + "]";
    }
}
