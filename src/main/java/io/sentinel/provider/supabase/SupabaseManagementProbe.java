package io.sentinel.provider.supabase;

import io.sentinel.config.CheckConfig;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.Probe;
import io.sentinel.probe.ProbeResult;
import io.sentinel.probe.http.EdgeBlock;
import io.sentinel.http.HttpCallFailure;
import io.sentinel.http.HttpCaller;
import io.sentinel.http.HttpMethod;
import io.sentinel.http.HttpRequestSpec;
import io.sentinel.http.HttpResponseSnapshot;
import io.sentinel.provider.supabase.ManagementAnswers.ServiceHealth;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Service health, then (when functions are listed) the function list: two calls in one probe, so the check's
 * interval bounds how often the rate-limited API is used. Both calls share the check's timeout.
 */
final class SupabaseManagementProbe implements Probe {

    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final HttpCaller http;
    private final Clock clock;

    SupabaseManagementProbe(HttpCaller http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public ProbeResult probe(CheckConfig check) {
        SupabaseManagementOptions options = check.options(SupabaseManagementOptions.class);
        ProbeResult.Builder result = ProbeResult.of(check.id(), check.dependency(), clock.instant());
        Optional<String> missing = options.missingCredential();
        if (missing.isPresent()) {
            return result.skipped(missing.get());
        }
        long started = System.nanoTime();
        try {
            HttpResponseSnapshot health = call(options, options.healthUri(), check.timeout(), started);
            result.latency(health.latency()).httpStatus(health.status());
            if (!PlatformStatuses.isSuccess(health.status()) || EdgeBlock.in(health).isPresent()) {
                return ManagementAnswers.failure(health, result, "health");
            }
            Optional<List<ServiceHealth>> services = ManagementAnswers.services(health.body());
            if (services.isEmpty()) {
                return ManagementAnswers.schemaChanged(result, health, "health", "an array of {name, healthy, status}");
            }
            List<String> unhealthy = services.get().stream().filter(service -> !service.healthy())
                    .map(ServiceHealth::describe).toList();
            result.reading("services.healthy", services.get().size() - unhealthy.size())
                    .reading("services.unhealthy", unhealthy.size());
            List<FunctionProblem> functionProblems = new ArrayList<>();
            if (!options.functions().isEmpty()) {
                HttpResponseSnapshot list = call(options, options.functionsUri(), check.timeout(), started);
                result.latency(health.latency().plus(list.latency())).httpStatus(list.status());
                if (!PlatformStatuses.isSuccess(list.status()) || EdgeBlock.in(list).isPresent()) {
                    return ManagementAnswers.failure(list, result, "functions");
                }
                Optional<Map<String, String>> statuses = ManagementAnswers.functionStatuses(list.body());
                if (statuses.isEmpty()) {
                    return ManagementAnswers.schemaChanged(result, list, "functions", "an array of {slug, status}");
                }
                result.reading("functions.active", statuses.get().values().stream().filter(ManagementAnswers.ACTIVE::equals).count());
                functionProblems = functionProblems(options.functions(), statuses.get());
            }
            return verdict(result, services.get().size(), unhealthy, options.functions().size(), functionProblems);
        } catch (HttpCallFailure failure) {
            return result.latency(Duration.ofNanos(System.nanoTime() - started)).down(failure.failureClass(), failure.getMessage());
        }
    }

    /** The second call gets what the first left of the deadline. */
    private HttpResponseSnapshot call(SupabaseManagementOptions options, URI uri, Duration timeout, long started)
            throws HttpCallFailure {
        Duration left = timeout.minus(Duration.ofNanos(System.nanoTime() - started));
        if (left.isNegative() || left.isZero()) {
            throw new HttpCallFailure(FailureClass.TIMEOUT, "no time left within " + timeout.toMillis() + " ms for the function list");
        }
        Duration connectTimeout = left.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? left : MAX_CONNECT_TIMEOUT;
        // not following redirects: the token travels in a header
        HttpRequestSpec request = new HttpRequestSpec(HttpMethod.GET, uri, options.headers(), Optional.empty(), false);
        return http.call(request, connectTimeout, left);
    }

    /** One expected function that is not ACTIVE, and what that means for the operator. */
    private record FunctionProblem(String description, FailureClass failureClass) {
    }

    /**
     * Missing from the list or REMOVED is NOT_DEPLOYED. THROTTLED is deployed and held back by the platform:
     * RATE_LIMITED, because redeploying would not help. A status the API did not document is named as it is.
     */
    private static List<FunctionProblem> functionProblems(List<String> expected, Map<String, String> statuses) {
        List<FunctionProblem> problems = new ArrayList<>();
        for (String slug : expected) {
            String status = statuses.get(slug);
            if (status == null) {
                problems.add(new FunctionProblem(slug + " is not deployed", FailureClass.NOT_DEPLOYED));
            } else if (status.equals(ManagementAnswers.REMOVED)) {
                problems.add(new FunctionProblem(slug + " is REMOVED", FailureClass.NOT_DEPLOYED));
            } else if (status.equals(ManagementAnswers.THROTTLED)) {
                problems.add(new FunctionProblem(slug + " is THROTTLED (deployed, held back by Supabase)", FailureClass.RATE_LIMITED));
            } else if (!status.equals(ManagementAnswers.ACTIVE)) {
                problems.add(new FunctionProblem(slug + " is " + status + ", not ACTIVE", FailureClass.BODY_ERROR));
            }
        }
        return problems;
    }

    /** Unhealthy services first; then the most actionable function problem decides: missing, throttled, other. */
    private static ProbeResult verdict(ProbeResult.Builder result, int serviceCount, List<String> unhealthy,
                                       int functionCount, List<FunctionProblem> functionProblems) {
        String functions = functionProblems.stream().map(FunctionProblem::description).collect(Collectors.joining("; "));
        if (!unhealthy.isEmpty()) {
            return result.down(FailureClass.BODY_ERROR, "unhealthy: " + String.join(", ", unhealthy)
                    + (functions.isEmpty() ? "" : "; " + functions));
        }
        for (FailureClass failureClass : List.of(FailureClass.NOT_DEPLOYED, FailureClass.RATE_LIMITED, FailureClass.BODY_ERROR)) {
            if (functionProblems.stream().anyMatch(problem -> problem.failureClass() == failureClass)) {
                return result.down(failureClass, functions);
            }
        }
        return result.up(serviceCount + " services healthy"
                + (functionCount == 0 ? "" : ", " + functionCount + (functionCount == 1 ? " function" : " functions") + " ACTIVE"));
    }
}
