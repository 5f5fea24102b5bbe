package io.sentinel.provider.anonkey;

import io.sentinel.config.CheckConfig;
import io.sentinel.probe.Excerpts;
import io.sentinel.probe.Probe;
import io.sentinel.probe.ProbeResult;
import io.sentinel.http.HttpCallFailure;
import io.sentinel.http.HttpCaller;
import io.sentinel.http.HttpMethod;
import io.sentinel.http.HttpRequestSpec;
import io.sentinel.http.HttpResponseSnapshot;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the deployed page, then its scripts one by one, until the configured Supabase URL and key are both
 * found, {@code maxBundles} scripts are read, or the check's timeout is spent: every call gets only what is
 * left of the one deadline.
 */
final class AnonKeyProbe implements Probe {

    /** Long enough for a slow TLS handshake, short enough to leave the rest of the deadline to the answer. */
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final HttpCaller http;
    private final Clock clock;

    AnonKeyProbe(HttpCaller http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public ProbeResult probe(CheckConfig check) {
        AnonKeyOptions options = check.options(AnonKeyOptions.class);
        ProbeResult.Builder result = ProbeResult.of(check.id(), check.dependency(), clock.instant());
        Optional<String> missingKey = options.missingKey();
        if (missingKey.isPresent()) {
            return result.skipped(missingKey.get());
        }
        long started = System.nanoTime();
        Duration deadline = check.timeout();
        HttpResponseSnapshot page;
        try {
            page = http.call(get(options.pageUrl(), "text/html"), connectTimeout(deadline), deadline);
        } catch (HttpCallFailure failure) {
            return result.latency(since(started)).down(failure.failureClass(), "page: " + failure.getMessage());
        }
        result.httpStatus(page.status());
        if (!PageFailures.isSuccess(page)) {
            String address = options.pageUrl().getHost() + pathOf(options.pageUrl());
            return result.latency(since(started)).down(PageFailures.classify(page),
                    "page " + address + " answered " + PageFailures.describe(page) + ": " + Excerpts.of(page.body()));
        }
        SupabaseReferences references = new SupabaseReferences(options.supabaseOrigin(), options.anonKey().value());
        Survey survey = new Survey();
        references.scan(page.body(), survey.findings());
        readBundles(options, page.body(), references, survey, started, deadline);
        return AnonKeyVerdict.judge(survey, options, result.latency(since(started)));
    }

    private void readBundles(AnonKeyOptions options, String html, SupabaseReferences references, Survey survey,
                             long started, Duration deadline) {
        Deque<URI> queue = new ArrayDeque<>(BundleLinks.inPage(options.pageUrl(), html));
        Set<URI> seen = new HashSet<>(queue);
        int attempts = 0;
        while (!queue.isEmpty() && attempts < options.maxBundles() && !survey.findings().confirmsConfiguration()) {
            Duration remaining = deadline.minus(since(started));
            if (remaining.toMillis() < 1) {
                survey.outOfTime();
                return;
            }
            URI bundle = queue.poll();
            attempts++;
            read(bundle, options, references, survey, remaining).forEach(chunk -> {
                if (seen.add(chunk)) {
                    queue.add(chunk);
                }
            });
        }
    }

    /**
     * Reads one bundle into the survey and returns the chunks it imports. Another site's script that cannot be
     * read (an analytics tag, a blocked CDN) says nothing about the app, so only the app's own are reported.
     */
    private List<URI> read(URI bundle, AnonKeyOptions options, SupabaseReferences references, Survey survey,
                           Duration remaining) {
        boolean ownScript = BundleLinks.sameOrigin(options.pageUrl(), bundle);
        try {
            HttpResponseSnapshot response = http.call(get(bundle, "*/*"), connectTimeout(remaining), remaining);
            if (!PageFailures.isSuccess(response)) {
                if (ownScript) {
                    survey.unread(new Survey.Unread(pathOf(bundle), PageFailures.classify(response),
                            PageFailures.describe(response)));
                }
                return List.of();
            }
            survey.bundleRead(response.truncated());
            references.scan(response.body(), survey.findings());
            return BundleLinks.inBundle(options.pageUrl(), bundle, response.body());
        } catch (HttpCallFailure failure) {
            if (ownScript) {
                survey.unread(new Survey.Unread(pathOf(bundle), failure.failureClass(), failure.getMessage()));
            }
            return List.of();
        }
    }

    private static HttpRequestSpec get(URI uri, String accept) {
        return new HttpRequestSpec(HttpMethod.GET, uri, Map.of("Accept", accept), Optional.empty());
    }

    /** The path alone: a script's query string is none of a message's business. */
    private static String pathOf(URI uri) {
        return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    }

    private static Duration connectTimeout(Duration remaining) {
        return remaining.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? remaining : MAX_CONNECT_TIMEOUT;
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
