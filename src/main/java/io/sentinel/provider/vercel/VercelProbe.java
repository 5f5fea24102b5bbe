package io.sentinel.provider.vercel;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.Durations;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.Probe;
import io.sentinel.probe.ProbeResult;
import io.sentinel.http.HttpCallFailure;
import io.sentinel.http.HttpCaller;
import io.sentinel.http.HttpMethod;
import io.sentinel.http.HttpRequestSpec;
import io.sentinel.http.HttpResponseSnapshot;
import io.sentinel.secret.Redactor;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Up to three calls: the site, its health path, and the newest production deployment. They share the
 * check's timeout, and the worst finding decides the outcome while every finding is told in the message.
 * The latency reported is the site's, because that is what visitors wait for.
 */
final class VercelProbe implements Probe {

    /** Long enough for a slow TLS handshake, short enough to leave the rest of the deadline to the answer. */
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final HttpCaller http;
    private final Clock clock;

    VercelProbe(HttpCaller http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public ProbeResult probe(CheckConfig check) {
        VercelOptions options = check.options(VercelOptions.class);
        ProbeResult.Builder result = ProbeResult.of(check.id(), check.dependency(), clock.instant());
        List<Finding> findings = new ArrayList<>();
        long started = System.nanoTime();
        long deadline = started + check.timeout().toNanos();

        Optional<HttpResponseSnapshot> site = call(page(options.url()), deadline, check.timeout(), "site", findings);
        result.latency(site.map(HttpResponseSnapshot::latency).orElseGet(() -> Duration.ofNanos(System.nanoTime() - started)));
        site.ifPresent(response -> findings.add(SiteReader.site(response)));
        // the health path is on the same host: when the site could not be reached, neither can it
        if (site.isPresent() && options.healthUrl().isPresent()) {
            String path = options.healthPath().orElseThrow();
            call(page(options.healthUrl().get()), deadline, check.timeout(), "health " + path, findings)
                    .ifPresent(response -> findings.add(SiteReader.health(path, response)));
        }
        deployment(options, deadline, check.timeout()).ifPresent(findings::add);
        return combine(result, findings);
    }

    private Optional<Finding> deployment(VercelOptions options, long deadline, Duration timeout) {
        if (options.projectId().isEmpty()) {
            return Optional.empty();
        }
        Optional<String> missingToken = options.missingToken();
        if (missingToken.isPresent()) {
            return Optional.of(Finding.skipped("deployment check skipped: " + missingToken.get()));
        }
        HttpRequestSpec request = new HttpRequestSpec(HttpMethod.GET, options.deploymentsUrl().orElseThrow(),
                Map.of("Authorization", "Bearer " + options.token().value(), "Accept", "application/json"), Optional.empty());
        List<Finding> failures = new ArrayList<>();
        Optional<HttpResponseSnapshot> response = call(request, deadline, timeout, "deployments API", failures);
        DeploymentReader reader = new DeploymentReader(clock.instant(), options.maxBuildTime());
        return response.map(answer -> reader.read(answer, options.projectId().get())).or(() -> failures.stream().findFirst());
    }

    /** The response, or empty with the failure added to {@code findings}. */
    private Optional<HttpResponseSnapshot> call(HttpRequestSpec request, long deadline, Duration timeout, String part,
                                                List<Finding> findings) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            findings.add(Finding.down(FailureClass.TIMEOUT,
                    part + ": not called, the earlier calls used up the timeout of " + Durations.format(timeout), 0));
            return Optional.empty();
        }
        // whole milliseconds, rounded up: the first call then gets exactly the configured timeout
        Duration left = Duration.ofMillis((remaining + 999_999) / 1_000_000);
        Duration connectTimeout = left.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? left : MAX_CONNECT_TIMEOUT;
        try {
            return Optional.of(http.call(request, connectTimeout, left));
        } catch (HttpCallFailure failure) {
            findings.add(Finding.down(failure.failureClass(), part + ": " + failure.getMessage(), 0));
            return Optional.empty();
        }
    }

    /** The worst finding decides and is told first; the others follow in the order the calls were made. */
    private static ProbeResult combine(ProbeResult.Builder result, List<Finding> findings) {
        Finding worst = findings.stream().max(Comparator.comparingInt(Finding::severity)
                .thenComparing(Comparator.comparingInt(findings::indexOf).reversed())).orElseThrow();
        List<String> messages = new ArrayList<>(List.of(worst.message()));
        findings.stream().filter(finding -> finding != worst).map(Finding::message).forEach(messages::add);
        findings.forEach(finding -> result.readings(finding.readings()));
        int status = worst.httpStatus() != 0 ? worst.httpStatus() : findings.get(0).httpStatus();
        String message = Redactor.global().redact(String.join("; ", messages));
        return result.httpStatus(status).build(worst.outcome(), worst.failureClass(), message);
    }

    private static HttpRequestSpec page(URI url) {
        return new HttpRequestSpec(HttpMethod.GET, url, Map.of("Accept", "text/html,application/json;q=0.9,*/*;q=0.8"),
                Optional.empty());
    }
}
