package io.sentinel.http;

import io.sentinel.model.FailureClass;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The redirects of one call, followed one hop at a time so that each target is judged before anything is sent
 * to it. HttpClient's own redirect handling is off: it would carry every configured header (a key in
 * {@code X-API-KEY} or {@code apikey}) to whatever host a redirect names.
 *
 * <ul>
 *   <li>A request that carries credentials ({@link HttpRequestSpec#carriesCredentials()}) is never sent to
 *       another origin (scheme, host and port): the redirect is refused as {@link FailureClass#REDIRECT},
 *       naming the target without its query. Stripping the credential headers instead was rejected: a header
 *       nobody listed would still go along, and an API that suddenly redirects elsewhere is news either way.</li>
 *   <li>A loop (an address visited twice) and more than {@link #MAX_REDIRECTS} redirects are
 *       {@link FailureClass#REDIRECT} too, never our own {@code INTERNAL}: the dependency answered badly.</li>
 *   <li>303, and 301/302 after a POST, continue as a GET without the body, as browsers do; 307 and 308 repeat
 *       the request as it was.</li>
 * </ul>
 */
public final class RedirectTrail {

    /** Enough for http→https and a login hop or two; a loop is cut short well before the deadline. */
    static final int MAX_REDIRECTS = 10;
    private static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 303, 307, 308);

    private final HttpRequestSpec original;
    private final List<URI> visited = new ArrayList<>();

    RedirectTrail(HttpRequestSpec original) {
        this.original = original;
        visited.add(withoutFragment(original.uri()));
    }

    /**
     * The request to send next, or empty when {@code response} is the answer: it is no redirect, it has no
     * usable {@code Location}, or the request does not follow redirects.
     *
     * @throws HttpCallFailure (REDIRECT) when the redirect must not or cannot be followed
     */
    Optional<HttpRequestSpec> next(HttpRequestSpec current, HttpResponseSnapshot response) throws HttpCallFailure {
        int status = response.status();
        if (!original.followRedirects() || !REDIRECT_STATUSES.contains(status)) {
            return Optional.empty();
        }
        Optional<String> location = response.headers().first("Location").map(String::strip).filter(text -> !text.isEmpty());
        if (location.isEmpty()) {
            return Optional.empty();
        }
        URI target = target(current, location.get(), status);
        HttpRequestSpec next = follow(current, target, status);
        if (!next.origin().equals(original.origin()) && original.carriesCredentials()) {
            throw new HttpCallFailure(FailureClass.REDIRECT, "HTTP " + status + " redirect to another host, "
                    + next.address() + ", not followed: the request carries credentials, which are only sent to "
                    + original.origin().replaceFirst(":(80|443)$", "") + " — point the check at the final address");
        }
        if (visited.contains(target)) {
            throw new HttpCallFailure(FailureClass.REDIRECT, "redirect loop: " + trail(next) + " (HTTP " + status + ")");
        }
        if (visited.size() > MAX_REDIRECTS) {
            throw new HttpCallFailure(FailureClass.REDIRECT, "more than " + MAX_REDIRECTS + " redirects, the last to "
                    + next.address() + " (HTTP " + status + ")");
        }
        visited.add(target);
        return Optional.of(next);
    }

    /**
     * For callers that do not follow redirects: what a redirect answer means, or empty when {@code response}
     * is no redirect. "HTTP 301 redirect to https://other.example/v2 (not followed)", the target without its query.
     */
    public static Optional<String> unfollowed(HttpRequestSpec request, HttpResponseSnapshot response) {
        int status = response.status();
        Optional<String> location = response.headers().first("Location").map(String::strip).filter(text -> !text.isEmpty());
        if (!REDIRECT_STATUSES.contains(status) || location.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of("HTTP " + status + " redirect to " + follow(request, target(request, location.get(), status), status).address()
                    + " (not followed)");
        } catch (HttpCallFailure unusable) {
            return Optional.of(unusable.getMessage());
        }
    }

    /** The Location resolved against the current address; only http and https are followed. */
    private static URI target(HttpRequestSpec current, String location, int status) throws HttpCallFailure {
        URI target;
        try {
            target = withoutFragment(current.uri().resolve(new URI(location)));
        } catch (URISyntaxException | IllegalArgumentException unreadable) {
            throw new HttpCallFailure(FailureClass.REDIRECT, "HTTP " + status + " redirect with an unreadable Location");
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || target.getHost() == null) {
            throw new HttpCallFailure(FailureClass.REDIRECT, "HTTP " + status + " redirect to a non-http address ("
                    + (scheme.isEmpty() ? "no scheme" : scheme + ":") + ")");
        }
        return target;
    }

    private static HttpRequestSpec follow(HttpRequestSpec current, URI target, int status) {
        boolean becomesGet = status == 303 && current.method() != HttpMethod.HEAD
                || (status == 301 || status == 302) && current.method() == HttpMethod.POST;
        if (!becomesGet) {
            return new HttpRequestSpec(current.method(), target, current.headers(), current.body(), true);
        }
        Map<String, String> headers = new LinkedHashMap<>(current.headers());
        headers.keySet().removeIf(name -> name.equalsIgnoreCase("Content-Type"));
        return new HttpRequestSpec(HttpMethod.GET, target, headers, Optional.empty(), true);
    }

    /** "https://a.example/x → https://b.example/y → https://a.example/x", addresses without their queries. */
    private String trail(HttpRequestSpec next) {
        String before = visited.stream().map(uri -> new HttpRequestSpec(HttpMethod.GET, uri, Map.of(), Optional.empty()).address())
                .collect(Collectors.joining(" → "));
        return before + " → " + next.address();
    }

    private static URI withoutFragment(URI uri) {
        if (uri.getRawFragment() == null) {
            return uri;
        }
        String text = uri.toString();
        return URI.create(text.substring(0, text.indexOf('#')));
    }
}
