package io.sentinel.probe.http;

import io.sentinel.http.HttpResponseSnapshot;
import io.sentinel.probe.Excerpts;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeResult;
import io.sentinel.probe.condition.Condition;
import io.sentinel.probe.condition.ConditionResult;
import io.sentinel.probe.condition.PlaceholderKind;
import io.sentinel.probe.condition.ResponseView;
import io.sentinel.secret.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides what a response means for a check. Without conditions the status decides; with conditions every
 * one is evaluated and every failure named, so one alert tells the whole story. Either way a CDN's or
 * firewall's block page is BLOCKED, and unless a condition reads the body, a 2xx JSON body that reports its
 * own failure ({@link BodyFailureFlags}) is BODY_ERROR: the operator who wants to judge the body writes a
 * {@code [BODY]} condition, and then that decides. The {@code http} kind and operators' routes (through the
 * {@code sentinel-http-judge-action} Kamelet) are judged here alike.
 */
public final class ResponseJudge {

    static final String TRUNCATION_NOTE = " (body truncated at 1 MiB)";

    private ResponseJudge() {
    }

    public static ProbeResult judge(ProbeResult.Builder result, HttpResponseSnapshot response, List<Condition> conditions) {
        result.latency(response.latency()).httpStatus(response.status());
        Optional<EdgeBlock> block = EdgeBlock.in(response);
        if (block.isPresent()) {
            return result.down(FailureClass.BLOCKED, block.get().describe(response.status()));
        }
        ProbeResult judged = conditions.isEmpty() ? byStatus(result, response) : byConditions(result, response, conditions);
        boolean bodyTested = conditions.stream().anyMatch(condition -> condition.placeholderKind() == PlaceholderKind.BODY);
        if (bodyTested || judged.outcome() == Outcome.DOWN || response.status() < 200 || response.status() >= 300) {
            return judged;
        }
        return BodyFailureFlags.in(response.body())
                .map(flag -> result.down(FailureClass.BODY_ERROR, redact("HTTP " + response.status()
                        + " reporting a failure in its body: " + flag)))
                .orElse(judged);
    }

    private static ProbeResult byStatus(ProbeResult.Builder result, HttpResponseSnapshot response) {
        String status = "HTTP " + response.status();
        Optional<FailureClass> failure = StatusFailures.of(response.status());
        if (failure.isPresent()) {
            return result.down(failure.get(), status + excerpt(response.body()));
        }
        return result.up(status);
    }

    private static ProbeResult byConditions(ProbeResult.Builder result, HttpResponseSnapshot response,
                                            List<Condition> conditions) {
        ResponseView view = new ResponseView(response.status(), response.latency(), response.headers()::first,
                response.body());
        List<Condition> failed = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        for (Condition condition : conditions) {
            ConditionResult outcome = condition.evaluate(view);
            if (!outcome.satisfied()) {
                failed.add(condition);
                descriptions.add(outcome.description());
            }
        }
        boolean bodyTested = conditions.stream().anyMatch(condition -> condition.placeholderKind() == PlaceholderKind.BODY);
        String note = response.truncated() && bodyTested ? TRUNCATION_NOTE : "";
        if (failed.isEmpty()) {
            String met = conditions.size() == 1 ? "condition met" : "all " + conditions.size() + " conditions met";
            return result.up("HTTP " + response.status() + ", " + met + note);
        }
        String message = redact(summary(failed.size(), conditions.size()) + String.join("; ", descriptions) + note);
        if (tests(failed, PlaceholderKind.STATUS)) {
            return result.down(StatusFailures.of(response.status()).orElse(FailureClass.CONDITION), message);
        }
        if (failed.stream().allMatch(condition -> condition.placeholderKind() == PlaceholderKind.RESPONSE_TIME)) {
            // it answered correctly, only slowly: that is what DEGRADED means
            return result.degraded(message);
        }
        return result.down(FailureClass.CONDITION, message);
    }

    private static boolean tests(List<Condition> conditions, PlaceholderKind kind) {
        return conditions.stream().anyMatch(condition -> condition.placeholderKind() == kind);
    }

    private static String summary(int failed, int total) {
        return total == 1 ? "condition failed: " : failed + " of " + total + " conditions failed: ";
    }

    /** {@code ": <first line of the body>"}; empty for an empty body. */
    private static String excerpt(String body) {
        String excerpt = Excerpts.of(body);
        return excerpt.isEmpty() ? "" : ": " + excerpt;
    }

    private static String redact(String text) {
        return Redactor.global().redact(text);
    }
}
