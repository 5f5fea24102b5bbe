package io.sentinel.provider.hunter;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentinel.probe.Excerpts;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.ProbeResult;
import io.sentinel.http.HttpResponseSnapshot;
import io.sentinel.provider.ApiKeyOptions;
import io.sentinel.provider.ProviderAnswers;
import io.sentinel.secret.Redactor;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads Hunter's account endpoint. Hunter answers errors with a real status and an
 * {@code {"errors":[{"id","code","details"}]}} body; unusually, 429 means the monthly allowance is spent and
 * 403 means the short-term rate limit was hit.
 */
final class HunterAnswers {

    private static final String EXPECTED = "a JSON account with data.requests.searches.used/available";
    /**
     * Hunter's 403 is its short-term rate limit (a third-party profile of its docs); one that says the account
     * or key is restricted, suspended or blocked is about access instead (NOT CONFIRMED in Hunter's own docs).
     */
    private static final Pattern RESTRICTED = Pattern.compile("(?i)restricted|suspended|disabled|blocked|banned|not allowed");

    private HunterAnswers() {
    }

    static ProbeResult read(HttpResponseSnapshot response, ProbeResult.Builder result, ApiKeyOptions options, Instant now) {
        int status = response.status();
        Optional<JsonNode> body = ProviderAnswers.json(response.body());
        if (status < 200 || status >= 400) {
            return failed(response, body, result);
        }
        if (status >= 300 || body.isEmpty() || !body.get().isObject()) {
            return ProviderAnswers.schemaChanged(result, response, EXPECTED);
        }
        Optional<String> errors = errors(body.get());
        if (errors.isPresent()) {
            return result.down(FailureClass.BODY_ERROR, redact("HTTP " + status + " with errors: " + errors.get()));
        }
        Optional<HunterAccount> account = HunterAccount.read(body.get());
        if (account.isEmpty()) {
            return ProviderAnswers.schemaChanged(result, response, EXPECTED);
        }
        return healthy(account.get(), result, now);
    }

    private static ProbeResult healthy(HunterAccount account, ProbeResult.Builder result, Instant now) {
        List<String> parts = new ArrayList<>();
        for (HunterAccount.Meter meter : account.meters()) {
            result.reading(meter.name() + ".used", meter.used())
                    .reading(meter.name() + ".available", meter.available())
                    .reading(meter.name() + ".remaining", meter.remaining());
            parts.add(meter.describe());
        }
        String message = account.plan().map(plan -> plan + " plan: ").orElse("") + String.join(", ", parts);
        if (account.resetDate().isPresent()) {
            // whole days left: half a day before the reset reads 0
            long days = ChronoUnit.DAYS.between(now, account.resetDate().get().atStartOfDay(ZoneOffset.UTC));
            result.reading("reset.days", days);
            message += "; resets " + account.resetDate().get() + " (in " + days + (days == 1 ? " day)" : " days)");
        }
        return result.up(redact(message));
    }

    private static ProbeResult failed(HttpResponseSnapshot response, Optional<JsonNode> body, ProbeResult.Builder result) {
        int status = response.status();
        String reason = body.flatMap(HunterAnswers::errors).orElseGet(() -> Excerpts.of(response.body()));
        String message = "HTTP " + status + (reason.isEmpty() ? "" : ": " + reason);
        return switch (status) {
            case 401 -> result.down(FailureClass.AUTH, redact(message));
            case 429 -> result.down(FailureClass.QUOTA, redact(message + " (monthly allowance used up)"));
            case 403 -> RESTRICTED.matcher(reason).find()
                    ? result.down(FailureClass.AUTH, redact(message + " (account or key restricted)"))
                    : result.down(FailureClass.RATE_LIMITED, redact(message + " (per-second/minute rate limit)"));
            case 451 -> result.down(FailureClass.HTTP_4XX, redact(message + " (unavailable for legal reasons)"));
            default -> result.down(status >= 500 ? FailureClass.HTTP_5XX
                    : status >= 400 ? FailureClass.HTTP_4XX : FailureClass.SCHEMA, redact(message));
        };
    }

    /** {@code id: details} of each error in Hunter's envelope, or empty when the body has none. */
    private static Optional<String> errors(JsonNode body) {
        JsonNode errors = body.path("errors");
        if (!errors.isArray() || errors.isEmpty()) {
            return Optional.empty();
        }
        List<String> described = new ArrayList<>();
        for (JsonNode error : errors) {
            String id = error.path("id").asText("");
            String details = error.path("details").asText("");
            described.add(id.isEmpty() || details.isEmpty() ? id + details : id + ": " + details);
        }
        return Optional.of(String.join("; ", described));
    }

    private static String redact(String message) {
        return Redactor.global().redact(message);
    }
}
