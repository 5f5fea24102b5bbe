package io.sentinel.provider.googleplaces;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentinel.json.Json;
import io.sentinel.probe.ProbeResult;
import io.sentinel.probe.http.HttpCaller;
import io.sentinel.probe.http.HttpMethod;
import io.sentinel.probe.http.HttpRequestSpec;
import io.sentinel.probe.http.HttpResponseSnapshot;
import io.sentinel.provider.HttpProviderProbe;
import io.sentinel.provider.ProviderCredentials;
import io.sentinel.provider.ProviderUrls;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One place search against Google Places: the New API's {@code places:searchText} with a minimal field mask,
 * or the legacy {@code findplacefromtext} asking for {@code place_id} only. Both are the free IDs-only calls.
 */
final class GooglePlacesProbe extends HttpProviderProbe<GooglePlacesOptions> {

    static final String SEARCH_TEXT_PATH = "/v1/places:searchText";
    static final String FIND_PLACE_PATH = "/maps/api/place/findplacefromtext/json";

    GooglePlacesProbe(HttpCaller http, Clock clock) {
        super(http, clock, GooglePlacesOptions.class);
    }

    @Override
    protected Optional<String> missingCredential(GooglePlacesOptions options) {
        return ProviderCredentials.missing(options.apiKey(), "apiKey", GooglePlacesCheckKind.API_KEY_VARIABLE);
    }

    @Override
    protected HttpRequestSpec request(GooglePlacesOptions options) {
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

    @Override
    protected ProbeResult interpret(HttpResponseSnapshot response, ProbeResult.Builder result, GooglePlacesOptions options) {
        Optional<JsonNode> body = json(response.body());
        if (options.api() == PlacesApi.NEW) {
            return NewPlacesReader.read(response, body, result, options)
                    .orElseGet(() -> schemaChanged(result, response, NewPlacesReader.EXPECTED));
        }
        return LegacyPlacesReader.read(response, body, result)
                .orElseGet(() -> schemaChanged(result, response, LegacyPlacesReader.EXPECTED));
    }
}
