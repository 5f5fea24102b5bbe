package io.sentinel.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.sentinel.breaker.Breakers;
import io.sentinel.config.BreakerSettings;
import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckIndex;
import io.sentinel.config.Durations;
import io.sentinel.json.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.camel.Body;
import org.apache.camel.Header;

/**
 * {@code GET /api/breakers}, {@code GET /api/breakers/{dependency}} and the operator actions
 * {@code POST /api/breakers/{dependency}/force-open|close|reset}. See docs/api.md.
 */
public final class BreakerApi {

    /** Apps may ask before every provider call; a few seconds of caching keeps that cheap for both sides. */
    static final Duration CACHE_FOR = Duration.ofSeconds(5);
    static final int MAX_REASON = 500;

    private final Breakers breakers;
    private final CheckIndex checks;
    private final AdminAuth auth;

    public BreakerApi(Breakers breakers, CheckIndex checks, AdminAuth auth) {
        this.breakers = breakers;
        this.checks = checks;
        this.auth = auth;
    }

    public ApiReply list() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("breakers", breakers.dependencies().stream().map(this::describe).toList());
        return ApiReply.cached(body, CACHE_FOR);
    }

    public ApiReply one(@Header("dependency") String dependency) {
        Optional<ApiReply> malformed = PathIds.refuseConfigId(dependency, "dependency");
        if (malformed.isPresent()) {
            return malformed.get();
        }
        if (!breakers.has(dependency)) {
            return unknown(dependency);
        }
        return ApiReply.cached(describe(dependency), CACHE_FOR);
    }

    public ApiReply forceOpen(@Header("dependency") String dependency, @Header("Authorization") String authorization,
                              @Body String body, @Header("reason") String reasonParameter) {
        return act(dependency, authorization, body, reasonParameter, breakers::forceOpen);
    }

    public ApiReply close(@Header("dependency") String dependency, @Header("Authorization") String authorization,
                          @Body String body, @Header("reason") String reasonParameter) {
        return act(dependency, authorization, body, reasonParameter, breakers::close);
    }

    public ApiReply reset(@Header("dependency") String dependency, @Header("Authorization") String authorization,
                          @Body String body, @Header("reason") String reasonParameter) {
        return act(dependency, authorization, body, reasonParameter, breakers::reset);
    }

    private ApiReply act(String dependency, String authorization, String body, String reasonParameter,
                         BiConsumer<String, String> action) {
        Optional<ApiReply> refused = auth.refuse(authorization);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<ApiReply> malformed = PathIds.refuseConfigId(dependency, "dependency");
        if (malformed.isPresent()) {
            return malformed.get();
        }
        if (!breakers.has(dependency)) {
            return unknown(dependency);
        }
        Optional<String> reason;
        try {
            reason = reason(body, reasonParameter);
        } catch (IOException notJson) {
            return ApiReply.badRequest("the body must be JSON like {\"reason\": \"provider outage, see INC-42\"}");
        }
        if (reason.isEmpty()) {
            return ApiReply.badRequest("say why: send {\"reason\": \"…\"} (it is recorded with the action)");
        }
        action.accept(dependency, reason.get());
        return ApiReply.ok(describe(dependency));
    }

    private static Optional<String> reason(String body, String reasonParameter) throws IOException {
        String reason = reasonParameter;
        if (body != null && !body.isBlank()) {
            JsonNode json = Json.mapper().readTree(body);
            if (json == null || !json.isObject()) {
                throw new IOException("not a JSON object");
            }
            reason = json.path("reason").asText(reason);
        }
        if (reason == null || reason.isBlank()) {
            return Optional.empty();
        }
        String oneLine = reason.replaceAll("\\s+", " ").strip();
        return Optional.of(oneLine.length() <= MAX_REASON ? oneLine : oneLine.substring(0, MAX_REASON));
    }

    private ApiReply unknown(String dependency) {
        return ApiReply.notFound("no dependency with id '" + dependency + "'; GET /api/breakers lists them");
    }

    private Map<String, Object> describe(String dependency) {
        CircuitBreaker breaker = breakers.get(dependency);
        CircuitBreaker.Metrics metrics = breaker.getMetrics();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("dependency", dependency);
        item.put("state", breaker.getState().name());
        // what an app needs: may I call this provider now? Half-open means Sentinel is still trying it out.
        item.put("available", breaker.getState() == CircuitBreaker.State.CLOSED);
        item.put("since", breakers.since(dependency).toString());
        breakers.nextTrialAt(dependency).ifPresent(at -> item.put("nextTrialAt", at.toString()));
        item.put("failureRate", rate(metrics.getFailureRate()));
        item.put("slowCallRate", rate(metrics.getSlowCallRate()));
        item.put("bufferedCalls", metrics.getNumberOfBufferedCalls());
        item.put("failedCalls", metrics.getNumberOfFailedCalls());
        item.put("slowCalls", metrics.getNumberOfSlowCalls());
        item.put("notPermittedCalls", metrics.getNumberOfNotPermittedCalls());
        item.put("checks", checks.checksOf(dependency).stream().map(CheckConfig::id).toList());
        breakers.lastFailure(dependency).ifPresent(failure -> {
            Map<String, Object> last = new LinkedHashMap<>();
            last.put("at", failure.startedAt().toString());
            last.put("checkId", failure.checkId());
            last.put("failureClass", failure.failureClass().name());
            last.put("message", failure.message());
            item.put("lastFailure", last);
        });
        item.put("settings", settings(breakers.dependency(dependency).breaker()));
        return item;
    }

    /** Resilience4j reports -1 until the window holds enough probes: say "not known yet" instead. */
    private static Float rate(float value) {
        return value < 0 ? null : value;
    }

    private static Map<String, Object> settings(BreakerSettings settings) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("window", settings.window());
        json.put("minimumCalls", settings.minimumCalls());
        json.put("failureRate", settings.failureRate());
        json.put("slowCall", Durations.format(settings.slowCall()));
        json.put("slowCallRate", settings.slowCallRate());
        json.put("waitInOpen", Durations.format(settings.waitInOpen()));
        json.put("halfOpenTrials", settings.halfOpenTrials());
        return json;
    }
}
