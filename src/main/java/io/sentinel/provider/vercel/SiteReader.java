package io.sentinel.provider.vercel;

import io.sentinel.probe.Excerpts;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.http.BodyFailureFlags;
import io.sentinel.probe.http.EdgeBlock;
import io.sentinel.http.HttpResponseSnapshot;
import io.sentinel.probe.http.StatusFailures;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Judges the site's answer and the health path's, as a visitor's browser would meet them. */
final class SiteReader {

    static final String ERROR_HEADER = "X-Vercel-Error";
    static final String CACHE_HEADER = "x-vercel-cache";
    /** The CDN's own lifetime first: Vercel usually strips s-maxage before the browser sees it, but not always. */
    private static final Pattern SHARED_MAX_AGE = Pattern.compile("(?i)(?:^|[,\\s])s-maxage\\s*=\\s*\"?(\\d+)");
    private static final Pattern MAX_AGE = Pattern.compile("(?i)(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d+)");

    private SiteReader() {
    }

    /** The site: 2xx or 3xx is UP, with what the CDN says about caching. */
    static Finding site(HttpResponseSnapshot response) {
        int status = response.status();
        Optional<Finding> platformError = blocked(response, "site").or(() -> platformError(response, "site"))
                .or(() -> reportedFailure(response, "site"));
        if (platformError.isPresent()) {
            return platformError.get();
        }
        Optional<FailureClass> failure = StatusFailures.of(status);
        if (failure.isPresent()) {
            return Finding.down(failure.get(), "site answered HTTP " + status + excerpt(response.body()), status);
        }
        Map<String, Double> readings = new LinkedHashMap<>();
        Optional<String> cache = response.headers().first(CACHE_HEADER).map(String::strip);
        cache.ifPresent(value -> readings.put("vercel.cache.hit", value.equalsIgnoreCase("HIT") ? 1.0 : 0.0));
        Optional<String> cacheControl = response.headers().first("cache-control").map(String::strip);
        cacheControl.flatMap(SiteReader::maxAge).ifPresent(seconds -> readings.put("cache.max_age", seconds));
        String message = "site HTTP " + status
                + cache.map(value -> ", x-vercel-cache " + value).orElse(", no x-vercel-cache header")
                + cacheControl.map(value -> ", cache-control " + value).orElse("");
        return Finding.up(message, status, readings);
    }

    /** The health path: only 2xx proves the app behind the site works. */
    static Finding health(String path, HttpResponseSnapshot response) {
        int status = response.status();
        String part = "health " + path;
        Optional<Finding> platformError = blocked(response, part).or(() -> platformError(response, part))
                .or(() -> reportedFailure(response, part));
        if (platformError.isPresent()) {
            return platformError.get();
        }
        if (status >= 200 && status < 300) {
            return Finding.up(part + " HTTP " + status, status);
        }
        // a 3xx that survived redirect following (a loop, a 304) is not an answer from the health route
        FailureClass failure = StatusFailures.of(status).orElse(FailureClass.CONDITION);
        return Finding.down(failure, part + " answered HTTP " + status + ", expected 2xx" + excerpt(response.body()), status);
    }

    /** Vercel's or another CDN's firewall answered with a challenge or block page: the app was not reached. */
    static Optional<Finding> blocked(HttpResponseSnapshot response, String part) {
        return EdgeBlock.in(response).map(block -> Finding.down(FailureClass.BLOCKED,
                part + ": " + block.describe(response.status()), response.status()));
    }

    /** A 2xx JSON answer that says it failed ({"status":"down"}, {"ok":false}) proves nothing works. */
    private static Optional<Finding> reportedFailure(HttpResponseSnapshot response, String part) {
        if (response.status() < 200 || response.status() >= 300) {
            return Optional.empty();
        }
        return BodyFailureFlags.in(response.body()).map(flag -> Finding.down(FailureClass.BODY_ERROR,
                part + " HTTP " + response.status() + " reporting a failure in its body: " + flag, response.status()));
    }

    /** A response Vercel itself produced instead of the app: the code says why, whatever the status. */
    private static Optional<Finding> platformError(HttpResponseSnapshot response, String part) {
        return response.headers().first(ERROR_HEADER).map(code -> code.strip().toUpperCase(Locale.ROOT))
                .filter(code -> !code.isEmpty())
                .map(code -> Finding.down(VercelErrorCodes.classify(code, response.status()),
                        VercelErrorCodes.describe(code, part, response.status()), response.status()));
    }

    private static Optional<Double> maxAge(String cacheControl) {
        for (Pattern directive : new Pattern[] {SHARED_MAX_AGE, MAX_AGE}) {
            Matcher matcher = directive.matcher(cacheControl);
            if (matcher.find()) {
                // digits always parse; an absurdly long run becomes infinity, which is no reading
                return Optional.of(Double.parseDouble(matcher.group(1))).filter(Double::isFinite);
            }
        }
        return Optional.empty();
    }

    private static String excerpt(String body) {
        String excerpt = Excerpts.of(body);
        return excerpt.isEmpty() ? "" : ": " + excerpt;
    }
}
