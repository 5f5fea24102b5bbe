package io.sentinel.provider.googleplaces;

import io.sentinel.config.CheckOptions;
import io.sentinel.config.ConfigSection;
import io.sentinel.probe.Probe;
import io.sentinel.probe.ProbeKind;
import io.sentinel.probe.ProbeToolkit;
import io.sentinel.provider.ProviderUrls;
import io.sentinel.secret.Secret;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

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
public final class GooglePlacesCheckKind implements ProbeKind {

    public static final String NAME = "google-places";
    static final String API_KEY_VARIABLE = "GOOGLE_PLACES_API_KEY";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckOptions readOptions(ConfigSection check) {
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

    @Override
    public Probe newProbe(ProbeToolkit toolkit) {
        return new GooglePlacesProbe(toolkit.http(), toolkit.clock());
    }

    @Override
    public double defaultCostPerCall(CheckOptions options) {
        return ((GooglePlacesOptions) options).costPerCall();
    }
}
