package io.sentinel.provider;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckOptions;
import io.sentinel.probe.Excerpts;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.Probe;
import io.sentinel.probe.ProbeResult;
import io.sentinel.probe.ProbeToolkit;
import io.sentinel.probe.http.BodyFailureFlags;
import io.sentinel.probe.http.EdgeBlock;
import io.sentinel.http.HttpCallFailure;
import io.sentinel.http.HttpCaller;
import io.sentinel.http.HttpRequestSpec;
import io.sentinel.http.HttpResponseSnapshot;
import io.sentinel.http.RedirectTrail;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runs any {@link SingleCallKind}: skip without credentials, make the one call, check what every provider answer
 * is checked for, and let the kind's reader say what the answer means. Transport failures (DNS, connect, TLS,
 * timeout, redirects) are classified by {@link HttpCaller}, and CDN blocks, unfollowed redirects and bodies
 * reporting their own failure here, so no kind needs code for them.
 *
 * @param <O> the kind's options
 */
final class SingleCallProbe<O extends CheckOptions> implements Probe {

    /** Long enough for a slow TLS handshake, short enough to leave the rest of the deadline to the answer. */
    static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final SingleCallKind<O> kind;
    private final HttpCaller http;
    private final Clock clock;

    SingleCallProbe(SingleCallKind<O> kind, ProbeToolkit toolkit) {
        this.kind = kind;
        this.http = toolkit.http();
        this.clock = toolkit.clock();
    }

    @Override
    public ProbeResult probe(CheckConfig check) {
        O options = check.options(kind.optionsType());
        ProbeResult.Builder result = ProbeResult.of(check.id(), check.dependency(), clock.instant());
        Optional<String> missing = kind.missingCredential().apply(options);
        if (missing.isPresent()) {
            return result.skipped(missing.get());
        }
        long started = System.nanoTime();
        try {
            Duration connectTimeout = check.timeout().compareTo(MAX_CONNECT_TIMEOUT) < 0 ? check.timeout() : MAX_CONNECT_TIMEOUT;
            HttpRequestSpec request = kind.request().apply(options);
            HttpResponseSnapshot response = http.call(request, connectTimeout, check.timeout());
            result.latency(response.latency()).httpStatus(response.status());
            return judge(request, response, result, options);
        } catch (HttpCallFailure failure) {
            return result.latency(Duration.ofNanos(System.nanoTime() - started))
                    .down(failure.failureClass(), failure.getMessage());
        }
    }

    /**
     * What every provider answer is checked for, around the kind's own reading: a CDN or firewall answering in
     * the provider's place (BLOCKED, whatever the status: never AUTH), a redirect the request does not follow
     * (REDIRECT), a 401/403 that is an HTML page rather than the provider's error answer (HTTP_4XX), and, after
     * the kind has read it, a 2xx body that reports its own failure in a common shape ({@code "success": false},
     * {@code "error": "…"} …), which is never UP.
     */
    private ProbeResult judge(HttpRequestSpec request, HttpResponseSnapshot response, ProbeResult.Builder result, O options) {
        Optional<EdgeBlock> block = EdgeBlock.in(response);
        if (block.isPresent()) {
            return result.down(FailureClass.BLOCKED, block.get().describe(response.status()));
        }
        Optional<String> redirect = request.followRedirects() ? Optional.empty() : RedirectTrail.unfollowed(request, response);
        if (redirect.isPresent()) {
            return result.down(FailureClass.REDIRECT, redirect.get() + ": the API should answer at the configured address");
        }
        if ((response.status() == 401 || response.status() == 403) && looksLikeHtml(response.body())) {
            // every provider here answers its own auth errors in JSON; a page is something in between speaking
            return result.down(FailureClass.HTTP_4XX, "HTTP " + response.status() + " with an HTML page, not the API's own "
                    + "error answer (a proxy or firewall in between?): " + Excerpts.of(response.body()));
        }
        ProbeResult interpreted = kind.reader().read(response, result, options, clock.instant());
        return reportedFailure(interpreted, response).orElse(interpreted);
    }

    /**
     * A body that says it failed overrides a reading that found nothing wrong with it (UP, DEGRADED) or did not
     * know its shape (SCHEMA). The readings go: numbers from a failed answer prove nothing.
     */
    private static Optional<ProbeResult> reportedFailure(ProbeResult interpreted, HttpResponseSnapshot response) {
        boolean success = response.status() >= 200 && response.status() < 300;
        boolean overridable = interpreted.outcome() == Outcome.UP || interpreted.outcome() == Outcome.DEGRADED
                || interpreted.failureClass() == FailureClass.SCHEMA;
        if (!success || !overridable) {
            return Optional.empty();
        }
        return BodyFailureFlags.in(response.body()).map(flag -> new ProbeResult(interpreted.checkId(),
                interpreted.dependency(), interpreted.startedAt(), interpreted.latency(), Outcome.DOWN,
                FailureClass.BODY_ERROR, response.status(), "HTTP " + response.status() + " reporting a failure in its body: "
                + flag, Map.of()));
    }

    private static boolean looksLikeHtml(String body) {
        String start = body.stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<head") || start.startsWith("<body");
    }
}
