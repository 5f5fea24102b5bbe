package io.sentinel.provider.foursquare;

import io.sentinel.config.ConfigSection;
import io.sentinel.http.HttpMethod;
import io.sentinel.http.HttpRequestSpec;
import io.sentinel.provider.ProviderCredentials;
import io.sentinel.provider.ProviderUrls;
import io.sentinel.provider.SingleCallKind;
import io.sentinel.secret.Secret;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code foursquare} check kind: one place search with {@code limit=1}. Foursquare has no free endpoint,
 * so every probe is a billable Pro call: give these checks a long interval.
 *
 * <pre>
 * - id: foursquare-search
 *   dependency: foursquare
 *   kind: foursquare
 *   interval: 30m
 *   apiKey: ${FOURSQUARE_API_KEY}
 *   ll: 40.7484,-73.9857          # default
 *   apiVersion: 2025-06-17        # default
 *   costPerCall: 0.015            # default, an estimate
 * </pre>
 */
public final class FoursquareKind {

    public static final String NAME = "foursquare";
    static final String API_KEY_VARIABLE = "FOURSQUARE_API_KEY";
    static final String SEARCH_PATH = "/places/search";
    /** Each search is a paid Pro call; the generic {@code costPerCall:} of a check overrides the estimate. */
    public static final SingleCallKind<FoursquareOptions> KIND = new SingleCallKind<>(NAME, FoursquareOptions.class,
            FoursquareKind::readOptions,
            options -> ProviderCredentials.missing(options.apiKey(), "apiKey", API_KEY_VARIABLE),
            FoursquareKind::request, FoursquareAnswers::read, options -> FoursquareOptions.DEFAULT_COST_PER_CALL);

    private FoursquareKind() {
    }


    private static FoursquareOptions readOptions(ConfigSection check) {
        Secret apiKey = check.secret("apiKey");
        URI baseUrl = ProviderUrls.baseUrl(check, "baseUrl", FoursquareOptions.DEFAULT_BASE_URL);
        String ll = check.text("ll", FoursquareOptions.DEFAULT_LL);
        String apiVersion = check.text("apiVersion", FoursquareOptions.DEFAULT_API_VERSION).strip();
        boolean valid = true;
        if (!FoursquareOptions.isCoordinatePair(ll)) {
            check.problem("ll", "'ll' must be latitude,longitude in degrees, got '" + ll + "'",
                    "for example ll: " + FoursquareOptions.DEFAULT_LL);
            valid = false;
        }
        if (!FoursquareOptions.isVersionDate(apiVersion)) {
            check.problem("apiVersion", "'apiVersion' must be a date, got '" + apiVersion + "'",
                    "for example apiVersion: " + FoursquareOptions.DEFAULT_API_VERSION);
            valid = false;
        }
        return valid ? new FoursquareOptions(apiKey, baseUrl, ll, apiVersion) : null;
    }

    /** One place search ({@code GET /places/search?ll=…&limit=1}). */
    private static HttpRequestSpec request(FoursquareOptions options) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + options.apiKey().value());
        headers.put("X-Places-Api-Version", options.apiVersion());
        headers.put("Accept", "application/json");
        String path = SEARCH_PATH + "?ll=" + ProviderUrls.encode(options.ll()) + "&limit=1";
        // no redirects: one would carry the Authorization header wherever it points
        return new HttpRequestSpec(HttpMethod.GET, ProviderUrls.resolve(options.baseUrl(), path), headers, Optional.empty(), false);
    }
}
