package io.sentinel.provider.cobalt;

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
 * The {@code cobalt} check kind: a Secretary of State search against Cobalt's cached database for a name
 * that matches nothing. Cobalt does not bill a cached miss, so the probe is free.
 *
 * <pre>
 * - id: cobalt-search
 *   dependency: cobalt
 *   kind: cobalt
 *   apiKey: ${COBALT_API_KEY}
 *   query: zzprobe-nonexistent-entity   # default
 *   state: delaware                     # default
 * </pre>
 */
public final class CobaltKind {

    public static final String NAME = "cobalt";
    static final String API_KEY_VARIABLE = "COBALT_API_KEY";
    static final String SEARCH_PATH = "/v1/search";
    /** A cached search is billed only when it finds a business; the default query finds none. */
    public static final SingleCallKind<CobaltOptions> KIND = SingleCallKind.free(NAME, CobaltOptions.class,
            CobaltKind::readOptions,
            options -> ProviderCredentials.missing(options.apiKey(), "apiKey", API_KEY_VARIABLE),
            CobaltKind::request, CobaltAnswerReader::answer);

    private CobaltKind() {
    }

    private static CobaltOptions readOptions(ConfigSection check) {
        Secret apiKey = check.secret("apiKey");
        URI baseUrl = ProviderUrls.baseUrl(check, "baseUrl", CobaltOptions.DEFAULT_BASE_URL);
        String query = check.text("query", CobaltOptions.DEFAULT_QUERY).strip();
        String state = check.text("state", CobaltOptions.DEFAULT_STATE).strip();
        boolean valid = true;
        if (check.bool("liveData", false)) {
            check.problem("liveData", "'liveData: true' would make every probe a billed live lookup, even when "
                    + "nothing matches", "remove liveData: the probe searches the cached database, where a miss is not billed");
            valid = false;
        }
        if (query.length() < CobaltOptions.MIN_QUERY_LENGTH) {
            check.problem("query", "'query' must have at least " + CobaltOptions.MIN_QUERY_LENGTH + " characters",
                    "for example query: " + CobaltOptions.DEFAULT_QUERY);
            valid = false;
        }
        if (!CobaltOptions.isState(state)) {
            check.problem("state", "'state' must be a state name or code, got '" + state + "'",
                    "write it camelCased, such as northCarolina, or abbreviated, such as nc");
            valid = false;
        }
        return valid ? new CobaltOptions(apiKey, baseUrl, query, state) : null;
    }

    /** One cached search ({@code GET /v1/search?…&liveData=false}) for a name that matches nothing. */
    private static HttpRequestSpec request(CobaltOptions options) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-api-key", options.apiKey().value());
        headers.put("Accept", "application/json");
        // liveData=false always: a live lookup is billed even when it finds nothing
        String path = SEARCH_PATH + "?searchQuery=" + ProviderUrls.encode(options.query()) + "&state="
                + ProviderUrls.encode(options.state()) + "&liveData=false";
        return new HttpRequestSpec(HttpMethod.GET, ProviderUrls.resolve(options.baseUrl(), path), headers, Optional.empty(), false);
    }
}
