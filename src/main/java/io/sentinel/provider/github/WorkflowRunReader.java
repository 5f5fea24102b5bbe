package io.sentinel.provider.github;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentinel.config.Durations;
import io.sentinel.http.HttpResponseSnapshot;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.Excerpts;
import io.sentinel.probe.ProbeResult;
import io.sentinel.probe.http.StatusFailures;
import io.sentinel.provider.Elapsed;
import io.sentinel.provider.ProviderAnswers;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Judges the newest workflow run from {@code GET /repos/{owner}/{repo}/actions/runs}. GitHub answers errors as
 * {@code {"message": "…", "documentation_url": "…"}} with a real status; its rate limits answer 403 or 429, with
 * {@code x-ratelimit-remaining: 0} for the primary limit and a message naming the secondary one otherwise; and it
 * answers 404 rather than 403 when a token may not see a private repository (docs.github.com, "Troubleshooting
 * the REST API" and "Rate limits for the REST API").
 */
final class WorkflowRunReader {

    private static final String EXPECTED = "{\"workflow_runs\":[{\"status\",\"conclusion\",\"head_sha\",\"name\"}]}";
    /** A run that is not finished yet; the newest run is judged by how long it has been at it. */
    private static final Set<String> UNFINISHED = Set.of("queued", "in_progress", "waiting", "requested", "pending");
    private static final Set<String> FAILED = Set.of("failure", "cancelled", "timed_out", "startup_failure");
    private static final int SHORT_SHA = 7;

    private WorkflowRunReader() {
    }

    static ProbeResult read(HttpResponseSnapshot response, ProbeResult.Builder result, GitHubActionsOptions options,
                            Instant now) {
        int status = response.status();
        Optional<JsonNode> body = ProviderAnswers.json(response.body());
        if (status < 200 || status >= 300) {
            return failed(response, body, result, options);
        }
        JsonNode runs = body.map(json -> json.path("workflow_runs")).orElse(null);
        if (runs == null || !runs.isArray()) {
            return ProviderAnswers.schemaChanged(result, response, EXPECTED);
        }
        if (runs.isEmpty()) {
            return result.down(FailureClass.NOT_DEPLOYED, "no workflow run on branch " + options.branch() + " of "
                    + options.repository() + " (check repository and branch, and that GitHub Actions runs there)");
        }
        return judge(runs.get(0), result, options, now, response);
    }

    private static ProbeResult judge(JsonNode run, ProbeResult.Builder result, GitHubActionsOptions options, Instant now,
                                     HttpResponseSnapshot response) {
        Optional<String> status = text(run, "status");
        if (status.isEmpty()) {
            return ProviderAnswers.schemaChanged(result, response, EXPECTED);
        }
        Optional<Instant> created = instant(run, "created_at");
        created.ifPresent(at -> result.reading("run.age_minutes", age(at, now).toMinutes()));
        String name = describe(run, options);
        if (UNFINISHED.contains(status.get())) {
            Optional<Instant> since = instant(run, "run_started_at").or(() -> created);
            if (since.isEmpty()) {
                return result.up(name + " is " + status.get());
            }
            Duration elapsed = age(since.get(), now);
            String message = name + " is " + status.get() + " for " + minutes(elapsed);
            return elapsed.compareTo(options.maxRunTime()) > 0
                    ? result.degraded(message + ", longer than maxRunTime " + Durations.format(options.maxRunTime()))
                    : result.up(message);
        }
        if (!status.get().equals("completed")) {
            return result.down(FailureClass.SCHEMA, name + " has unknown status '" + status.get() + "'");
        }
        Optional<String> conclusion = text(run, "conclusion");
        if (conclusion.isEmpty()) {
            return result.down(FailureClass.SCHEMA, name + " is completed without a conclusion");
        }
        String finished = name + ": " + conclusion.get()
                + instant(run, "updated_at").map(at -> ", " + minutes(age(at, now)) + " ago").orElse("");
        if (FAILED.contains(conclusion.get())) {
            return result.down(FailureClass.BODY_ERROR, finished);
        }
        return switch (conclusion.get()) {
            case "success", "neutral", "skipped" -> result.up(finished);
            case "action_required" -> result.degraded(finished + " (waits for someone to approve it)");
            case "stale" -> result.degraded(finished + " (GitHub gave up on it: it did not finish in 14 days)");
            default -> result.down(FailureClass.SCHEMA, name + " has unknown conclusion '" + conclusion.get() + "'");
        };
    }

    /** {@code workflow "CI" #42 on main at 9fceb02}: the workflow, the run and the commit, as someone would look them up. */
    private static String describe(JsonNode run, GitHubActionsOptions options) {
        String workflow = text(run, "name").map(name -> "workflow \"" + name + "\"").orElse("a workflow");
        String number = run.path("run_number").canConvertToLong() ? " #" + run.path("run_number").asLong() : "";
        String branch = text(run, "head_branch").orElse(options.branch());
        String commit = text(run, "head_sha").map(sha -> " at " + sha.substring(0, Math.min(SHORT_SHA, sha.length())))
                .orElse("");
        return workflow + number + " on " + branch + commit;
    }

    private static ProbeResult failed(HttpResponseSnapshot response, Optional<JsonNode> body, ProbeResult.Builder result,
                                      GitHubActionsOptions options) {
        int status = response.status();
        String reason = body.map(json -> json.path("message").asText("")).filter(text -> !text.isBlank())
                .orElseGet(() -> Excerpts.of(response.body()));
        String message = "GitHub HTTP " + status + (reason.isEmpty() ? "" : ": " + reason);
        if (status == 403 || status == 429) {
            Optional<String> limit = rateLimit(response, reason);
            if (limit.isPresent()) {
                return result.down(FailureClass.RATE_LIMITED, message + " (" + limit.get() + ")");
            }
        }
        return switch (status) {
            case 401 -> result.down(FailureClass.AUTH, message + " (the token is wrong, expired or revoked)");
            case 403 -> result.down(FailureClass.AUTH, message + " (the token may not read this repository's Actions: "
                    + "fine-grained tokens need \"Actions: read\", classic ones the repo scope for a private repository)");
            case 404 -> result.down(FailureClass.AUTH, message + " (no repository " + options.repository()
                    + " that this token can see: GitHub answers 404, not 403, when a token may not read a private "
                    + "repository; check the name and the token's access)");
            default -> result.down(StatusFailures.of(status).orElse(FailureClass.SCHEMA), message);
        };
    }

    /**
     * Why a 403 or 429 is a rate limit, or empty when it is not one: the primary limit is spent when
     * {@code x-ratelimit-remaining} is 0 (it resets at {@code x-ratelimit-reset}, epoch seconds); a secondary limit
     * says so in the message or sends {@code retry-after}; a 429 is always one.
     */
    private static Optional<String> rateLimit(HttpResponseSnapshot response, String reason) {
        if (response.headers().first("x-ratelimit-remaining").map(String::strip).filter("0"::equals).isPresent()) {
            String resets = response.headers().first("x-ratelimit-reset").map(String::strip)
                    .filter(value -> value.matches("\\d{1,12}"))
                    .map(value -> ", resets " + Instant.ofEpochSecond(Long.parseLong(value))).orElse("");
            return Optional.of("primary rate limit spent" + resets);
        }
        Optional<String> retryAfter = response.headers().first("retry-after").map(String::strip)
                .filter(value -> value.matches("\\d{1,9}"));
        if (reason.toLowerCase(Locale.ROOT).contains("secondary rate limit") || retryAfter.isPresent()) {
            return Optional.of("secondary rate limit" + retryAfter.map(seconds -> ", retry after " + seconds + " s").orElse(""));
        }
        return response.status() == 429 ? Optional.of("too many requests") : Optional.empty();
    }

    private static Duration age(Instant at, Instant now) {
        return Elapsed.since(at, now);
    }

    private static String minutes(Duration duration) {
        return Elapsed.inMinutes(duration);
    }

    private static Optional<String> text(JsonNode node, String field) {
        return ProviderAnswers.text(node, field);
    }

    private static Optional<Instant> instant(JsonNode node, String field) {
        try {
            return text(node, field).map(Instant::parse);
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }
}
