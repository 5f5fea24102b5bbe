package io.sentinel.provider.hunter;

import io.sentinel.config.CheckOptions;
import io.sentinel.config.ConfigSection;
import io.sentinel.probe.Probe;
import io.sentinel.probe.ProbeKind;
import io.sentinel.probe.ProbeToolkit;
import io.sentinel.provider.ProviderUrls;
import java.net.URI;

/**
 * The {@code hunter} check kind: Hunter.io's account endpoint, which is free and reports the searches,
 * verifications and credits left this month.
 *
 * <pre>
 * - id: hunter-account
 *   dependency: hunter
 *   kind: hunter
 *   apiKey: ${HUNTER_API_KEY}
 * </pre>
 */
public final class HunterCheckKind implements ProbeKind {

    public static final String NAME = "hunter";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckOptions readOptions(ConfigSection check) {
        // a bad baseUrl is reported through the section, which rejects the file: the default never hides it
        URI baseUrl = ProviderUrls.baseUrl(check, "baseUrl", HunterOptions.DEFAULT_BASE_URL);
        return new HunterOptions(baseUrl, check.secret("apiKey"));
    }

    @Override
    public Probe newProbe(ProbeToolkit toolkit) {
        return new HunterProbe(toolkit.http(), toolkit.clock());
    }

    /** {@code /v2/account} does not count toward Hunter's usage limits. */
    @Override
    public double defaultCostPerCall(CheckOptions options) {
        return 0.0;
    }
}
