package io.sentinel.provider.supabase;

import io.sentinel.config.CheckOptions;
import io.sentinel.config.ConfigSection;
import io.sentinel.probe.Probe;
import io.sentinel.probe.ProbeKind;
import io.sentinel.probe.ProbeToolkit;

/**
 * The {@code supabase-auth} check kind: GoTrue's health endpoint, through the project's gateway.
 *
 * <pre>
 * - id: supabase-auth
 *   dependency: supabase
 *   kind: supabase-auth
 *   projectUrl: https://abcdefghijklmnopqrst.supabase.co
 *   anonKey: ${SUPABASE_ANON_KEY}
 * </pre>
 */
public final class SupabaseAuthCheckKind implements ProbeKind {

    public static final String NAME = "supabase-auth";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckOptions readOptions(ConfigSection check) {
        return SupabaseProject.read(check).map(SupabaseAuthOptions::new).orElse(null);
    }

    @Override
    public Probe newProbe(ProbeToolkit toolkit) {
        return new SupabaseAuthProbe(toolkit.http(), toolkit.clock());
    }

    /** The health endpoint is free; it only counts toward the project's API requests. */
    @Override
    public double defaultCostPerCall(CheckOptions options) {
        return 0.0;
    }
}
