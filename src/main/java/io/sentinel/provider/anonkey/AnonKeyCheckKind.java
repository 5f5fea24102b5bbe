package io.sentinel.provider.anonkey;

import io.sentinel.config.CheckOptions;
import io.sentinel.config.ConfigSection;
import io.sentinel.probe.Probe;
import io.sentinel.probe.ProbeKind;
import io.sentinel.probe.ProbeToolkit;
import io.sentinel.secret.Secret;
import java.net.URI;
import java.util.Optional;

/**
 * The {@code anon-key} check kind: catches the classic 401-after-deploy, where the frontend is built with a
 * Supabase URL or anon key other than the project's current ones. It reads the deployed page and the scripts
 * it loads (script tags, module preloads, {@code /assets/*.js}, and the chunks those import, up to
 * {@code maxBundles}) and looks for {@code https://<ref>.supabase.co} URLs, legacy anon JWTs and
 * {@code sb_publishable_} keys. Keys are only ever shown as fingerprints (the first 8 hex digits of their
 * SHA-256). Supabase itself is never called.
 *
 * <pre>
 * - id: frontend-supabase-key
 *   dependency: frontend
 *   kind: anon-key
 *   pageUrl: https://prospect-fyhedobh1-appsmithery.vercel.app
 *   supabaseUrl: https://&lt;ref&gt;.supabase.co
 *   anonKey: ${SUPABASE_ANON_KEY}
 *   maxBundles: 5          # default
 *   interval: 5m
 *   timeout: 15s           # covers the page and every bundle
 * </pre>
 *
 * A probe costs nothing.
 */
public final class AnonKeyCheckKind implements ProbeKind {

    public static final String NAME = "anon-key";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckOptions readOptions(ConfigSection check) {
        Optional<URI> pageUrl = check.requiredText("pageUrl", "https://prospect-fyhedobh1-appsmithery.vercel.app")
                .flatMap(text -> check.httpUrl("pageUrl"));
        Optional<URI> supabaseUrl = check.requiredText("supabaseUrl", "https://<ref>.supabase.co")
                .flatMap(text -> check.httpUrl("supabaseUrl"));
        Secret anonKey = check.secret("anonKey");
        int maxBundles = check.intInRange("maxBundles", 1, AnonKeyOptions.MAX_BUNDLES_LIMIT, AnonKeyOptions.DEFAULT_MAX_BUNDLES);
        if (pageUrl.isEmpty() || supabaseUrl.isEmpty()) {
            return null;
        }
        return new AnonKeyOptions(pageUrl.get(), supabaseUrl.get(), anonKey, maxBundles);
    }

    @Override
    public Probe newProbe(ProbeToolkit toolkit) {
        return new AnonKeyProbe(toolkit.http(), toolkit.clock());
    }
}
