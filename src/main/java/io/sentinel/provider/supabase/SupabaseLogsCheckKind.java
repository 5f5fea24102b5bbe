package io.sentinel.provider.supabase;

import io.sentinel.config.CheckOptions;
import io.sentinel.config.ConfigSection;
import io.sentinel.config.IntervalFloor;
import io.sentinel.probe.Probe;
import io.sentinel.probe.ProbeKind;
import io.sentinel.probe.ProbeToolkit;
import java.util.Optional;

/**
 * The {@code supabase-logs} check kind: what users really hit. Each probe asks the Management API's analytics
 * endpoint for the edge function logs since the previous probe, and reads per function the invocations, those
 * answered with a 5xx, and the p95 execution time, so that {@code errorRate} and {@code limit} rules judge real
 * traffic.
 *
 * <pre>
 * - id: edge-function-traffic
 *   dependency: supabase-platform
 *   kind: supabase-logs
 *   interval: 5m                          # at least 1m: the API allows about 60 calls a minute per user
 *   accessToken: ${SUPABASE_ACCESS_TOKEN}  # needs the analytics read scope
 *   projectRef: abcdefghijklmnopqrst
 *   functions: [enrichment-orchestrator]  # optional: these get readings (zero) even without traffic
 *   rules:
 *     - {errorRate: "> 1% over 15m, min 20", requests: function.*.invocations, errors: function.*.server_errors}
 * </pre>
 */
public final class SupabaseLogsCheckKind implements ProbeKind {

    public static final String NAME = "supabase-logs";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<IntervalFloor> intervalFloor() {
        return Optional.of(new IntervalFloor(SupabaseManagementCheckKind.MIN_INTERVAL, SupabaseManagementCheckKind.RATE_LIMIT,
                "use interval: 1m or more (5m keeps a 15m window well fed)"));
    }

    @Override
    public CheckOptions readOptions(ConfigSection check) {
        return ManagementAccess.readOptions(check, SupabaseLogsOptions::new);
    }

    @Override
    public Probe newProbe(ProbeToolkit toolkit) {
        return new SupabaseLogsProbe(toolkit.http(), toolkit.clock());
    }
}
