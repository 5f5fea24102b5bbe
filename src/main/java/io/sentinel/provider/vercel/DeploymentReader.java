package io.sentinel.provider.vercel;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentinel.provider.Elapsed;
import io.sentinel.provider.ProviderAnswers;
import io.sentinel.config.Durations;
import io.sentinel.probe.Excerpts;
import io.sentinel.model.FailureClass;
import io.sentinel.http.HttpResponseSnapshot;
import io.sentinel.probe.http.StatusFailures;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Judges the newest production deployment from {@code GET /v6/deployments}. Errors come in Vercel's
 * {@code {"error":{"code","message"}}} envelope.
 */
final class DeploymentReader {

    private static final String PART = "deployments API";
    private static final String EXPECTED = "{\"deployments\":[{\"readyState\":…}]}";

    private final Instant now;
    private final Duration maxBuildTime;

    DeploymentReader(Instant now, Duration maxBuildTime) {
        this.now = now;
        this.maxBuildTime = maxBuildTime;
    }

    Finding read(HttpResponseSnapshot response, String projectId) {
        int status = response.status();
        Optional<Finding> blocked = SiteReader.blocked(response, PART);
        if (blocked.isPresent()) {
            return blocked.get();
        }
        Optional<JsonNode> body = ProviderAnswers.json(response.body());
        if (status < 200 || status >= 300) {
            return failed(response, body);
        }
        JsonNode deployments = body.map(json -> json.path("deployments")).orElse(null);
        if (deployments == null || !deployments.isArray()) {
            return schemaChanged(response);
        }
        if (deployments.isEmpty()) {
            return Finding.down(FailureClass.NOT_DEPLOYED,
                    "no production deployment listed for project " + projectId + " (check projectId and teamId)", status);
        }
        JsonNode newest = deployments.get(0);
        Optional<String> state = text(newest, "readyState").or(() -> text(newest, "state"));
        if (state.isEmpty()) {
            return schemaChanged(response);
        }
        return judge(newest, state.get(), status);
    }

    private Finding judge(JsonNode deployment, String state, int status) {
        String name = "production deployment " + text(deployment, "url").or(() -> text(deployment, "uid")).orElse("(no url)");
        OptionalLong created = epochMillis(deployment, "createdAt").isPresent() ? epochMillis(deployment, "createdAt")
                : epochMillis(deployment, "created");
        Map<String, Double> readings = created.isPresent()
                ? Map.of("deployment.age_minutes", (double) age(created.getAsLong()).toMinutes()) : Map.of();
        String age = created.isPresent() ? ", " + minutes(age(created.getAsLong())) + " old" : "";
        return switch (state) {
            case "READY" -> Finding.up(name + " READY" + age, status, readings);
            case "ERROR", "CANCELED" -> Finding.down(FailureClass.BODY_ERROR, name + " is " + state, status, readings);
            case "DELETED" -> Finding.down(FailureClass.NOT_DEPLOYED, name + " is DELETED", status, readings);
            case "BUILDING", "QUEUED", "INITIALIZING" -> inProgress(deployment, name, state, status, readings, created);
            default -> Finding.down(FailureClass.SCHEMA, name + " has unknown state '" + state + "'", status, readings);
        };
    }

    /** Still building is fine; building for longer than a build ever takes means it is stuck. */
    private Finding inProgress(JsonNode deployment, String name, String state, int status, Map<String, Double> readings,
                               OptionalLong created) {
        OptionalLong since = epochMillis(deployment, "buildingAt").isPresent() ? epochMillis(deployment, "buildingAt") : created;
        if (since.isEmpty()) {
            return Finding.up(name + " " + state, status, readings);
        }
        Duration elapsed = age(since.getAsLong());
        String message = name + " " + state + " for " + minutes(elapsed);
        if (elapsed.compareTo(maxBuildTime) > 0) {
            return Finding.degraded(message + ", longer than maxBuildTime " + Durations.format(maxBuildTime), status, readings);
        }
        return Finding.up(message, status, readings);
    }

    private static Finding failed(HttpResponseSnapshot response, Optional<JsonNode> body) {
        int status = response.status();
        JsonNode error = body.map(json -> json.path("error")).orElse(null);
        String code = error == null ? "" : error.path("code").asText("");
        String reason = error != null && error.isObject()
                ? code + (error.path("message").asText("").isEmpty() ? "" : ": " + error.path("message").asText())
                : Excerpts.of(response.body());
        String message = PART + " HTTP " + status + (reason.isEmpty() ? "" : ": " + reason);
        if (code.equals("forbidden") || status == 401 || status == 403) {
            return Finding.down(FailureClass.AUTH, message, status);
        }
        if (code.equals("rate_limited") || status == 429) {
            JsonNode reset = error == null ? null : error.path("limit").path("reset");
            String resets = reset != null && reset.canConvertToLong() ? " (resets " + Instant.ofEpochSecond(reset.asLong()) + ")" : "";
            return Finding.down(FailureClass.RATE_LIMITED, message + resets, status);
        }
        return StatusFailures.of(status)
                .map(failure -> Finding.down(failure, message, status))
                .orElseGet(() -> schemaChanged(response));
    }

    private static Finding schemaChanged(HttpResponseSnapshot response) {
        return Finding.down(FailureClass.SCHEMA, PART + " HTTP " + response.status() + ", expected " + EXPECTED + "; got: "
                + Excerpts.of(response.body()), response.status());
    }

    /** Time since an epoch-millisecond stamp; a stamp ahead of our clock counts as just now. */
    private Duration age(long epochMillis) {
        return Elapsed.since(Instant.ofEpochMilli(epochMillis), now);
    }

    private static String minutes(Duration duration) {
        return Elapsed.inMinutes(duration);
    }

    private static Optional<String> text(JsonNode node, String field) {
        return ProviderAnswers.text(node, field);
    }

    private static OptionalLong epochMillis(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isIntegralNumber() && value.canConvertToLong() ? OptionalLong.of(value.asLong()) : OptionalLong.empty();
    }

}
