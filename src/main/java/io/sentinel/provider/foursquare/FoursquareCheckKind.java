package io.sentinel.provider.foursquare;

import io.sentinel.config.CheckOptions;
import io.sentinel.config.ConfigSection;
import io.sentinel.probe.Probe;
import io.sentinel.probe.ProbeKind;
import io.sentinel.probe.ProbeToolkit;
import io.sentinel.provider.ProviderUrls;
import io.sentinel.secret.Secret;
import java.net.URI;

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
public final class FoursquareCheckKind implements ProbeKind {

    public static final String NAME = "foursquare";
    static final String API_KEY_VARIABLE = "FOURSQUARE_API_KEY";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckOptions readOptions(ConfigSection check) {
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

    @Override
    public Probe newProbe(ProbeToolkit toolkit) {
        return new FoursquareProbe(toolkit.http(), toolkit.clock());
    }

    @Override
    public double defaultCostPerCall(CheckOptions options) {
        // the generic costPerCall: of a check overrides this estimate
        return FoursquareOptions.DEFAULT_COST_PER_CALL;
    }
}
