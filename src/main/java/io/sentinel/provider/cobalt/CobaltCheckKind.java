package io.sentinel.provider.cobalt;

import io.sentinel.config.CheckOptions;
import io.sentinel.config.ConfigSection;
import io.sentinel.probe.Probe;
import io.sentinel.probe.ProbeKind;
import io.sentinel.probe.ProbeToolkit;
import io.sentinel.provider.ProviderUrls;
import io.sentinel.secret.Secret;
import java.net.URI;

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
public final class CobaltCheckKind implements ProbeKind {

    public static final String NAME = "cobalt";
    static final String API_KEY_VARIABLE = "COBALT_API_KEY";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckOptions readOptions(ConfigSection check) {
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

    @Override
    public Probe newProbe(ProbeToolkit toolkit) {
        return new CobaltProbe(toolkit.http(), toolkit.clock());
    }

    /** A cached search is billed only when it finds a business; the default query finds none. */
    @Override
    public double defaultCostPerCall(CheckOptions options) {
        return 0.0;
    }
}
