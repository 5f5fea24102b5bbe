package io.sentinel.http;

import io.sentinel.secret.Redactor;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One request to send: what {@link HttpCaller} needs, whichever check kind built it.
 *
 * @param method          the request method
 * @param uri             an absolute http or https URL
 * @param headers         request headers, in the order given
 * @param body            the request body, if any
 * @param followRedirects whether 3xx answers are followed to their target
 */
public record HttpRequestSpec(HttpMethod method, URI uri, Map<String, String> headers, Optional<String> body,
                              boolean followRedirects) {

    /**
     * Headers that describe the request and never carry a credential. Every other header is taken to carry one
     * (X-API-KEY, apikey, X-Goog-Api-Key, Authorization, a header an operator invented): a name nobody listed
     * here is treated as secret, not as harmless.
     */
    private static final Set<String> DESCRIPTIVE_HEADERS = Set.of("accept", "accept-charset", "accept-encoding",
            "accept-language", "cache-control", "connection", "content-language", "content-type", "dnt", "pragma",
            "user-agent", "x-goog-fieldmask", "x-places-api-version", "x-requested-with");

    public HttpRequestSpec {
        Objects.requireNonNull(method, "method");
        requireHttpUrl(uri);
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A request that follows redirects, as a browser would. */
    public HttpRequestSpec(HttpMethod method, URI uri, Map<String, String> headers, Optional<String> body) {
        this(method, uri, headers, body, true);
    }

    public static HttpRequestSpec get(URI uri) {
        return new HttpRequestSpec(HttpMethod.GET, uri, Map.of(), Optional.empty());
    }

    /**
     * The URL without its query string or user info, for messages: Google's legacy API carries the key in
     * {@code ?key=}, so the query never leaves this class.
     */
    public String address() {
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return Redactor.global().redact(uri.getScheme() + "://" + uri.getHost() + port + path);
    }

    /** {@code host:port}, the port filled in from the scheme, for connection messages. */
    public String hostAndPort() {
        return uri.getHost() + ":" + port();
    }

    private int port() {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /**
     * True when the request carries something that must only go to its own host: a header other than the
     * descriptive ones, a configured secret in any header or the body, a credential-looking or secret query
     * parameter, or user info in the URL. Such a request is never sent on to another host by a redirect.
     */
    public boolean carriesCredentials() {
        Redactor redactor = Redactor.global();
        boolean credentialHeader = headers.entrySet().stream().anyMatch(header ->
                !DESCRIPTIVE_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))
                        || !redactor.redact(header.getValue()).equals(header.getValue()));
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        boolean credentialQuery = !redactor.redact(query).equals(query);
        boolean credentialBody = body.filter(text -> !redactor.redact(text).equals(text)).isPresent();
        return credentialHeader || credentialQuery || credentialBody || uri.getRawUserInfo() != null;
    }

    /** Scheme, host and port, the port filled in from the scheme: two URLs with the same origin reach the same server. */
    public String origin() {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port();
    }

    /** Header values are left out: they are where API keys travel. */
    @Override
    public String toString() {
        return "HttpRequestSpec[" + method + " " + address() + ", headers " + headers.keySet()
                + (body.isPresent() ? ", with a body" : "") + (followRedirects ? "" : ", not following redirects") + "]";
    }

    public static URI requireHttpUrl(URI uri) {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("an http or https URL is required, got scheme '" + uri.getScheme() + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("the URL needs a host");
        }
        return uri;
    }
}
