package io.sentinel.provider.supabase;

import io.sentinel.config.CheckOptions;
import io.sentinel.config.ConfigSection;
import io.sentinel.config.IntervalFloor;
import io.sentinel.probe.Probe;
import io.sentinel.probe.ProbeKind;
import io.sentinel.probe.ProbeToolkit;
import io.sentinel.secret.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code supabase-management} check kind: the project's service health and, optionally, that the edge
 * functions the product needs are ACTIVE, from the Management API.
 *
 * <pre>
 * - id: supabase-platform
 *   dependency: supabase
 *   kind: supabase-management
 *   interval: 5m                          # at least 1m: the API allows about 60 calls a minute per user
 *   accessToken: ${SUPABASE_ACCESS_TOKEN}
 *   projectRef: abcdefghijklmnopqrst
 *   functions: [business-discovery-background, enrichment-orchestrator]
 * </pre>
 */
public final class SupabaseManagementCheckKind implements ProbeKind {

    public static final String NAME = "supabase-management";
    /**
     * The rate limit (60 requests a minute per user, shared by all of a user's tokens) is a budget for
     * everyone using the account, so the monitor takes at most one probe of it a minute.
     */
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

    @Override
    public String name() {
        return NAME;
    }

    /** The Management API's rate limit is per user, shared by all of the user's tokens. */
    static final String RATE_LIMIT = "the Management API allows about 60 requests a minute per user, shared by all of "
            + "the user's tokens";

    @Override
    public Optional<IntervalFloor> intervalFloor() {
        return Optional.of(new IntervalFloor(MIN_INTERVAL, RATE_LIMIT, "use interval: 1m or more (5m is plenty for platform health)"));
    }

    @Override
    public CheckOptions readOptions(ConfigSection check) {
        Optional<URI> baseUrl = baseUrl(check);
        Secret accessToken = check.secret("accessToken");
        Optional<String> projectRef = check.requiredText("projectRef", "abcdefghijklmnopqrst").flatMap(ref -> projectRef(check, ref));
        Optional<List<String>> functions = functions(check);
        if (baseUrl.isEmpty() || projectRef.isEmpty() || functions.isEmpty()) {
            return null;
        }
        return new SupabaseManagementOptions(baseUrl.get(), accessToken, projectRef.get(), functions.get());
    }

    private static Optional<URI> baseUrl(ConfigSection check) {
        if (!check.has("baseUrl")) {
            return Optional.of(URI.create(SupabaseManagementOptions.DEFAULT_BASE_URL));
        }
        return check.httpUrl("baseUrl").filter(url -> {
            String path = url.getRawPath() == null ? "" : url.getRawPath().replaceFirst("/$", "");
            if (path.endsWith("/v1") || url.getRawQuery() != null) {
                check.problem("baseUrl", "'baseUrl' must not include /v1 or a query", "for example "
                        + SupabaseManagementOptions.DEFAULT_BASE_URL);
                return false;
            }
            return true;
        });
    }

    private static Optional<String> projectRef(ConfigSection check, String ref) {
        if (SupabaseManagementOptions.PROJECT_REF.matcher(ref.strip()).matches()) {
            return Optional.of(ref.strip());
        }
        check.problem("projectRef", "'projectRef' must be the project's ref, got '" + ref + "'",
                "the first part of https://<ref>.supabase.co, e.g. abcdefghijklmnopqrst");
        return Optional.empty();
    }

    private static Optional<List<String>> functions(ConfigSection check) {
        List<String> slugs = new ArrayList<>();
        boolean valid = true;
        for (String slug : check.textList("functions")) {
            if (!SupabaseFunctionOptions.SLUG.matcher(slug.strip()).matches()) {
                check.problem("functions", "'" + slug + "' in 'functions' is not a function slug",
                        "list slugs as in /functions/v1/<slug>, e.g. [business-discovery-background]");
                valid = false;
            } else if (!slugs.contains(slug.strip())) {
                slugs.add(slug.strip());
            }
        }
        return valid ? Optional.of(slugs) : Optional.empty();
    }

    @Override
    public Probe newProbe(ProbeToolkit toolkit) {
        return new SupabaseManagementProbe(toolkit.http(), toolkit.clock());
    }

    /** Management API calls are free; the limit is their rate, not a price. */
    @Override
    public double defaultCostPerCall(CheckOptions options) {
        return 0.0;
    }
}
