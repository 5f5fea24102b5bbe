package io.sentinel.provider.cobalt;

import io.sentinel.config.CheckOptions;
import io.sentinel.provider.ProviderUrls;
import io.sentinel.secret.Secret;
import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The options of a {@code cobalt} check. There is deliberately no {@code liveData}: the probe always searches
 * Cobalt's cached database, because a live lookup is billed even when nothing matches.
 *
 * @param apiKey  the Cobalt key, sent as {@code x-api-key}
 * @param baseUrl {@code https://apigateway.cobaltintelligence.com}
 * @param query   the business name searched for; the default matches nothing, and a cached miss is not billed
 * @param state   the state searched, camelCase name ({@code northCarolina}) or two-letter code
 */
public record CobaltOptions(Secret apiKey, URI baseUrl, String query, String state) implements CheckOptions {

    public static final URI DEFAULT_BASE_URL = URI.create("https://apigateway.cobaltintelligence.com");
    public static final String DEFAULT_QUERY = "zzprobe-nonexistent-entity";
    public static final String DEFAULT_STATE = "delaware";
    /** Cobalt answers "searchQuery must be at least 3 characters long." below this. */
    static final int MIN_QUERY_LENGTH = 3;
    private static final Pattern STATE = Pattern.compile("[A-Za-z]{2,}");

    public CobaltOptions {
        Objects.requireNonNull(apiKey, "apiKey");
        ProviderUrls.requireBase(baseUrl, "baseUrl");
        if (query == null || query.strip().length() < MIN_QUERY_LENGTH) {
            throw new IllegalArgumentException("query must have at least " + MIN_QUERY_LENGTH + " characters");
        }
        if (!isState(state)) {
            throw new IllegalArgumentException("state must be a state name or code, was " + state);
        }
    }

    public static CobaltOptions defaults(Secret apiKey, URI baseUrl) {
        return new CobaltOptions(apiKey, baseUrl, DEFAULT_QUERY, DEFAULT_STATE);
    }

    static boolean isState(String text) {
        return text != null && STATE.matcher(text).matches();
    }
}
