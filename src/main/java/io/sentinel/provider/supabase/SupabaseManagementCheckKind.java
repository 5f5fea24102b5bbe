package io.sentinel.provider.supabase;

import io.sentinel.config.CheckOptions;
import io.sentinel.config.ConfigSection;
import io.sentinel.config.IntervalFloor;
import io.sentinel.probe.Probe;
import io.sentinel.probe.ProbeKind;
import io.sentinel.probe.ProbeToolkit;
import java.time.Duration;
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
        return ManagementAccess.readOptions(check, (access, functions) -> new SupabaseManagementOptions(access.baseUrl(),
                access.accessToken(), access.projectRef(), functions));
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
