package io.sentinel.provider.googleplaces;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentinel.config.ConfigSection;
import io.sentinel.json.Json;
import io.sentinel.probe.ProbeResult;
import io.sentinel.http.HttpMethod;
import io.sentinel.http.HttpRequestSpec;
import io.sentinel.http.HttpResponseSnapshot;
import io.sentinel.provider.ProviderAnswers;
import io.sentinel.provider.ProviderCredentials;
import io.sentinel.provider.ProviderUrls;
import io.sentinel.provider.SingleCallKind;
import io.sentinel.secret.Secret;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code google-places} check kind: one free IDs-only place search.
 *
 * <pre>
 * - id: places-search
 *   dependency: google-places
 *   kind: google-places
 *   apiKey: ${GOOGLE_PLACES_API_KEY}
 *   query: coffee                 # default
 *   fieldMask: places.id          # default; any other field makes each probe a paid Text Search Pro call
 *   mode: new                     # or legacy: findplacefromtext with fields=place_id, key in the URL
 * </pre>
 */
public final class GooglePlacesKind {

    public static final String NAME = "google-places";
    static final String API_KEY_VARIABLE = "GOOGLE_PLACES_API_KEY";
    static final String SEARCH_TEXT_PATH = "/v1/places:searchText";
    static final String FIND_PLACE_PATH = "/maps/api/place/findplacefromtext/json";
    /** The IDs-only calls are free; the price follows the field mask (GooglePlacesOptions#costPerCall). */
    public static final SingleCallKind<GooglePlacesOptions> KIND = new SingleCallKind<>(NAME, GooglePlacesOptions.class,
            GooglePlacesKind::readOptions,
            options -> ProviderCredentials.missing(options.apiKey(), "apiKey", API_KEY_VARIABLE),
            GooglePlacesKind::request, GooglePlacesKind::read, GooglePlacesOptions::costPerCall);

    private GooglePlacesKind() {
    }

    private static GooglePlacesOptions readOptions(ConfigSection check) {
        PlacesApi api = check.choice("mode", PlacesApi.class).orElse(PlacesApi.NEW);
        Secret apiKey = check.secret("apiKey");
        URI baseUrl = ProviderUrls.baseUrl(check, "baseUrl", GooglePlacesOptions.DEFAULT_BASE_URL);
        URI legacyBaseUrl = ProviderUrls.baseUrl(check, "legacyBaseUrl", GooglePlacesOptions.DEFAULT_LEGACY_BASE_URL);
        String query = check.text("query", GooglePlacesOptions.DEFAULT_QUERY);
        List<String> fieldMask = fieldMask(check);
        boolean valid = onlyForTheirMode(check, api);
        if (query.isBlank()) {
            check.problem("query", "'query' must not be empty", "for example query: " + GooglePlacesOptions.DEFAULT_QUERY);
            valid = false;
        }
        if (fieldMask.isEmpty() || !valid) {
            return null;
        }
        return new GooglePlacesOptions(api, apiKey, baseUrl, legacyBaseUrl, query, fieldMask);
    }

    /** Options that only one mode uses are refused in the other, so nobody believes they took effect. */
    private static boolean onlyForTheirMode(ConfigSection check, PlacesApi api) {
        if (api == PlacesApi.LEGACY) {
            return refuse(check, "fieldMask", "mode: new", "the legacy call always asks for place_id only; remove fieldMask")
                    & refuse(check, "baseUrl", "mode: new", "legacy mode calls legacyBaseUrl; rename the key");
        }
        return refuse(check, "legacyBaseUrl", "mode: legacy", "set mode: legacy, or remove legacyBaseUrl");
    }

    private static boolean refuse(ConfigSection check, String key, String mode, String hint) {
        if (!check.has(key)) {
            return true;
        }
        check.problem(key, "'" + key + "' applies only to " + mode, hint);
        return false;
    }

    /** {@code places.id,places.displayName} as Google writes it, or a YAML list; defaults to IDs only. */
    private static List<String> fieldMask(ConfigSection check) {
        if (!check.has("fieldMask")) {
            return GooglePlacesOptions.IDS_ONLY;
        }
        List<String> fields = new ArrayList<>();
        for (String item : check.textList("fieldMask")) {
            for (String field : item.split(",")) {
                if (!field.isBlank()) {
                    fields.add(field.strip());
                }
            }
        }
        List<String> bad = fields.stream().filter(field -> !GooglePlacesOptions.FIELD.matcher(field).matches()).toList();
        if (fields.isEmpty() || !bad.isEmpty()) {
            check.problem("fieldMask", fields.isEmpty() ? "'fieldMask' names no field" : "'fieldMask' has bad field paths " + bad,
                    "for example fieldMask: places.id (free); Google rejects a search without a mask");
            return List.of();
        }
        return fields;
    }

    /**
     * One place search: the New API's {@code places:searchText} with a minimal field mask, or the legacy
     * {@code findplacefromtext} asking for {@code place_id} only. Both are the free IDs-only calls.
     */
    private static HttpRequestSpec request(GooglePlacesOptions options) {
        return options.api() == PlacesApi.NEW ? searchText(options) : findPlace(options);
    }

    /** The key travels in a header, so it stays out of every URL, log line and message. */
    private static HttpRequestSpec searchText(GooglePlacesOptions options) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        headers.put("X-Goog-Api-Key", options.apiKey().value());
        headers.put("X-Goog-FieldMask", options.fieldMaskHeader());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("textQuery", options.query());
        body.put("pageSize", 1);
        // an API does not redirect; following one would carry the key header to wherever it points
        return new HttpRequestSpec(HttpMethod.POST, ProviderUrls.resolve(options.baseUrl(), SEARCH_TEXT_PATH), headers,
                Optional.of(Json.write(body)), false);
    }

    /** The legacy API only takes the key in the URL: the caller and the redactor mask {@code key=} everywhere. */
    private static HttpRequestSpec findPlace(GooglePlacesOptions options) {
        String query = "?input=" + ProviderUrls.encode(options.query()) + "&inputtype=textquery&fields=place_id&key="
                + ProviderUrls.encode(options.apiKey().value());
        return new HttpRequestSpec(HttpMethod.GET, ProviderUrls.resolve(options.legacyBaseUrl(), FIND_PLACE_PATH + query),
                Map.of("Accept", "application/json"), Optional.empty(), false);
    }

    private static ProbeResult read(HttpResponseSnapshot response, ProbeResult.Builder result, GooglePlacesOptions options,
                                    Instant now) {
        Optional<JsonNode> body = ProviderAnswers.json(response.body());
        if (options.api() == PlacesApi.NEW) {
            return NewPlacesReader.read(response, body, result, options)
                    .orElseGet(() -> ProviderAnswers.schemaChanged(result, response, NewPlacesReader.EXPECTED));
        }
        return LegacyPlacesReader.read(response, body, result)
                .orElseGet(() -> ProviderAnswers.schemaChanged(result, response, LegacyPlacesReader.EXPECTED));
    }
}
