package io.sentinel.provider.googleplaces;

import io.sentinel.config.CheckOptions;
import io.sentinel.provider.ProviderUrls;
import io.sentinel.secret.Secret;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The options of a {@code google-places} check.
 *
 * @param api           which API to call
 * @param apiKey        the Maps Platform API key (sent as {@code X-Goog-Api-Key}, or as {@code key=} in legacy mode)
 * @param baseUrl       Places API (New) root, {@code https://places.googleapis.com}
 * @param legacyBaseUrl legacy API root, {@code https://maps.googleapis.com}
 * @param query         the text searched for
 * @param fieldMask     the fields asked for (New API only); they decide the SKU and so the price
 */
public record GooglePlacesOptions(PlacesApi api, Secret apiKey, URI baseUrl, URI legacyBaseUrl, String query,
                                  List<String> fieldMask) implements CheckOptions {

    public static final URI DEFAULT_BASE_URL = URI.create("https://places.googleapis.com");
    public static final URI DEFAULT_LEGACY_BASE_URL = URI.create("https://maps.googleapis.com");
    public static final String DEFAULT_QUERY = "coffee";
    public static final List<String> IDS_ONLY = List.of("places.id");
    /** Fields billed at the free "IDs Only" SKUs: Text Search ({@code places.id}) and Place Details ({@code id}). */
    static final Set<String> FREE_FIELDS = Set.of("places.id", "id");
    /**
     * Text Search Pro, $32 per 1,000 calls (quoted from Google's price list by public repos, not read from Google).
     * Enterprise fields cost $35–40 per 1,000, so for those masks this is a lower bound.
     */
    static final double TEXT_SEARCH_PRO_COST = 0.032;
    static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*|\\*");

    public GooglePlacesOptions {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(apiKey, "apiKey");
        ProviderUrls.requireBase(baseUrl, "baseUrl");
        ProviderUrls.requireBase(legacyBaseUrl, "legacyBaseUrl");
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("query must not be blank");
        }
        fieldMask = List.copyOf(fieldMask);
        if (fieldMask.isEmpty()) {
            throw new IllegalArgumentException("fieldMask must name at least one field: Google rejects a request without one");
        }
        for (String field : fieldMask) {
            if (!FIELD.matcher(field).matches()) {
                throw new IllegalArgumentException("'" + field + "' is not a field path");
            }
        }
    }

    /** The defaults: Places API (New), the free IDs-only text search for "coffee". */
    public static GooglePlacesOptions newApi(Secret apiKey, URI baseUrl) {
        return new GooglePlacesOptions(PlacesApi.NEW, apiKey, baseUrl, DEFAULT_LEGACY_BASE_URL, DEFAULT_QUERY, IDS_ONLY);
    }

    /** The legacy Find Place call, asking for {@code place_id} only. */
    public static GooglePlacesOptions legacyApi(Secret apiKey, URI legacyBaseUrl) {
        return new GooglePlacesOptions(PlacesApi.LEGACY, apiKey, DEFAULT_BASE_URL, legacyBaseUrl, DEFAULT_QUERY, IDS_ONLY);
    }

    /** The {@code X-Goog-FieldMask} header value. */
    public String fieldMaskHeader() {
        return String.join(",", fieldMask);
    }

    /** True when each returned place must carry its id: the mask asks for it. */
    boolean asksForPlaceIds() {
        return fieldMask.contains("places.id") || fieldMask.contains("places") || fieldMask.contains("*");
    }

    /**
     * Dollars per probe. Google bills "the highest SKU applicable to your request", so one field beyond the id
     * moves the call from the free IDs-only SKU to a paid one. Legacy Find Place with {@code fields=place_id}
     * is listed as free by one third-party copy of the legacy price list (NOT CONFIRMED); legacy Text Search
     * ($0.032) is never used by this probe.
     */
    public double costPerCall() {
        if (api == PlacesApi.LEGACY) {
            return 0.0;
        }
        return FREE_FIELDS.containsAll(fieldMask) ? 0.0 : TEXT_SEARCH_PRO_COST;
    }
}
