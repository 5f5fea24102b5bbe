package io.sentinel.provider.cobalt;

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

/** One cached Cobalt search ({@code GET /v1/search?…&liveData=false}) for a name that matches nothing. */
final class CobaltProbe extends HttpProviderProbe<CobaltOptions> {

    static final String SEARCH_PATH = "/v1/search";

    CobaltProbe(HttpCaller http, Clock clock) {
        super(http, clock, CobaltOptions.class);
    }

    @Override
    protected Optional<String> missingCredential(CobaltOptions options) {
        return ProviderCredentials.missing(options.apiKey(), "apiKey", CobaltCheckKind.API_KEY_VARIABLE);
    }

    @Override
    protected HttpRequestSpec request(CobaltOptions options) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-api-key", options.apiKey().value());
        headers.put("Accept", "application/json");
        // liveData=false always: a live lookup is billed even when it finds nothing
        String path = SEARCH_PATH + "?searchQuery=" + ProviderUrls.encode(options.query()) + "&state="
                + ProviderUrls.encode(options.state()) + "&liveData=false";
        return new HttpRequestSpec(HttpMethod.GET, ProviderUrls.resolve(options.baseUrl(), path), headers, Optional.empty(), false);
    }

    @Override
    protected ProbeResult interpret(HttpResponseSnapshot response, ProbeResult.Builder result, CobaltOptions options) {
        return CobaltAnswerReader.read(response, json(response.body()), result)
                .orElseGet(() -> schemaChanged(result, response, CobaltAnswerReader.EXPECTED));
    }
}
