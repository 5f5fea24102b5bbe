package io.sentinel.provider.anonkey;

import io.sentinel.config.CheckOptions;
import io.sentinel.secret.Secret;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of an {@code anon-key} check.
 *
 * @param pageUrl     the deployed frontend's page, whose scripts are searched
 * @param supabaseUrl the Supabase project URL the frontend should use
 * @param anonKey     the anon (or publishable) key the frontend should ship
 * @param maxBundles  at most this many scripts are fetched per probe
 */
public record AnonKeyOptions(URI pageUrl, URI supabaseUrl, Secret anonKey, int maxBundles) implements CheckOptions {

    public static final String KEY_VARIABLE = "SUPABASE_ANON_KEY";
    public static final int DEFAULT_MAX_BUNDLES = 5;
    public static final int MAX_BUNDLES_LIMIT = 20;

    public AnonKeyOptions {
        requireHttpUrl(pageUrl, "pageUrl");
        requireHttpUrl(supabaseUrl, "supabaseUrl");
        Objects.requireNonNull(anonKey, "anonKey");
        if (maxBundles < 1 || maxBundles > MAX_BUNDLES_LIMIT) {
            throw new IllegalArgumentException("maxBundles must be between 1 and " + MAX_BUNDLES_LIMIT + ", was " + maxBundles);
        }
    }

    /** {@code scheme://host[:port]}, lower-case: how the URL appears in a bundle. */
    public String supabaseOrigin() {
        String port = supabaseUrl.getPort() < 0 ? "" : ":" + supabaseUrl.getPort();
        return (supabaseUrl.getScheme() + "://" + supabaseUrl.getHost() + port).toLowerCase(Locale.ROOT);
    }

    /** The project ref when the URL is a {@code <ref>.supabase.co} one, rather than a custom domain. */
    public Optional<String> projectRef() {
        return SupabaseReferences.projectRefOf(supabaseUrl.getHost());
    }

    /** Why the probe cannot run yet, or empty when it can. */
    public Optional<String> missingKey() {
        if (anonKey.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(anonKey.variable().map(variable -> "set " + variable)
                .orElse("set anonKey: ${" + KEY_VARIABLE + "}"));
    }

    private static void requireHttpUrl(URI url, String name) {
        Objects.requireNonNull(url, name);
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException(name + " must be an http or https URL with a host");
        }
    }

    @Override
    public String toString() {
        return "AnonKeyOptions[page " + pageUrl.getHost() + pageUrl.getRawPath() + ", supabase " + supabaseOrigin()
                + ", anonKey " + anonKey + ", maxBundles " + maxBundles + "]";
    }
}
