package io.sentinel.provider.neverbounce;

import io.sentinel.config.CheckOptions;
import io.sentinel.config.ConfigSection;
import io.sentinel.probe.Probe;
import io.sentinel.probe.ProbeKind;
import io.sentinel.probe.ProbeToolkit;
import io.sentinel.provider.ProviderUrls;
import java.net.URI;

/**
 * The {@code neverbounce} check kind: NeverBounce's account endpoint, which spends no credits and reports the
 * credits left.
 *
 * <pre>
 * - id: neverbounce-account
 *   dependency: neverbounce
 *   kind: neverbounce
 *   apiKey: ${NEVERBOUNCE_API_KEY}
 * </pre>
 */
public final class NeverBounceCheckKind implements ProbeKind {

    public static final String NAME = "neverbounce";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckOptions readOptions(ConfigSection check) {
        // a bad baseUrl is reported through the section, which rejects the file: the default never hides it
        URI baseUrl = ProviderUrls.baseUrl(check, "baseUrl", NeverBounceOptions.DEFAULT_BASE_URL);
        return new NeverBounceOptions(baseUrl, check.secret("apiKey"));
    }

    @Override
    public Probe newProbe(ProbeToolkit toolkit) {
        return new NeverBounceProbe(toolkit.http(), toolkit.clock());
    }

    /** {@code account/info} spends no verification credits. */
    @Override
    public double defaultCostPerCall(CheckOptions options) {
        return 0.0;
    }
}
