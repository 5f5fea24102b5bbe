package io.sentinel.provider;

import io.sentinel.config.ConfigSection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/** Base URLs of provider APIs: read from the configuration, checked, and joined with a path. */
public final class ProviderUrls {

    private ProviderUrls() {
    }

    /**
     * The base URL option (default: the provider's real one). Tests point it at a local server; a proxy may
     * add a path prefix. A query string is refused, because the probe builds its own.
     */
    public static URI baseUrl(ConfigSection check, String key, URI fallback) {
        URI base = check.httpUrl(key).orElse(fallback);
        if (base.getRawQuery() != null || base.getRawFragment() != null) {
            check.problem(key, "'" + key + "' must not have a query string or fragment",
                    "give only scheme, host and optional path, e.g. " + fallback);
            return fallback;
        }
        return base;
    }

    /** For options records: an absolute http(s) URL without query or fragment. */
    public static URI requireBase(URI base, String name) {
        Objects.requireNonNull(base, name);
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if ((!scheme.equals("http") && !scheme.equals("https")) || base.getHost() == null) {
            throw new IllegalArgumentException(name + " must be an absolute http(s) URL, was " + base);
        }
        if (base.getRawQuery() != null || base.getRawFragment() != null) {
            throw new IllegalArgumentException(name + " must not have a query string or fragment");
        }
        return base;
    }

    /** {@code base} followed by {@code pathAndQuery} (which starts with '/'), whether or not the base ends in '/'. */
    public static URI resolve(URI base, String pathAndQuery) {
        String prefix = base.toString().replaceAll("/+$", "");
        return URI.create(prefix + pathAndQuery);
    }

    /** One query parameter value, percent-encoded. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
