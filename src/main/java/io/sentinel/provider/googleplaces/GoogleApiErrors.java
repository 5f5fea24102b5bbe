package io.sentinel.provider.googleplaces;

import io.sentinel.probe.Excerpts;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.ProbeResult;
import io.sentinel.probe.http.StatusFailures;
import java.util.Map;
import java.util.Optional;

/** Turns a Places API (New) error envelope into a failure class and a message an operator can act on. */
final class GoogleApiErrors {

    /** Longer than an excerpt: Google's messages name the project and the console page to fix it. */
    private static final int MESSAGE_LENGTH = 300;
    /** Keys that work but are not allowed to call Places: only someone with access to the project can fix these. */
    private static final Map<String, String> ACCESS_FIXES = Map.of(
            "SERVICE_DISABLED", "enable Places API (New) in the key's Google Cloud project",
            "API_KEY_SERVICE_BLOCKED", "the key's API restrictions must allow places.googleapis.com");
    /** Not the key: the project may not spend. Someone with the billing account fixes it, not whoever rotates keys. */
    private static final String BILLING_DISABLED = "BILLING_DISABLED";

    private GoogleApiErrors() {
    }

    static ProbeResult classify(GoogleApiError error, int httpStatus, ProbeResult.Builder result) {
        String said = Excerpts.of(error.message(), MESSAGE_LENGTH);
        String reason = error.reason();
        if (reason.equals("API_KEY_INVALID")) {
            return result.down(FailureClass.AUTH, reason + ": " + said);
        }
        if (reason.equals(BILLING_DISABLED)) {
            return result.down(FailureClass.QUOTA, reason + " (enable billing on the key's Google Cloud project; the key "
                    + "itself is fine): " + said);
        }
        if (ACCESS_FIXES.containsKey(reason)) {
            return result.down(FailureClass.AUTH, reason + " (" + ACCESS_FIXES.get(reason) + "): " + said);
        }
        if (reason.startsWith("API_KEY_")) {
            // referrer, IP or app restrictions on the key (API_KEY_HTTP_REFERRER_BLOCKED …)
            return result.down(FailureClass.AUTH, reason + " (the key's restrictions reject this caller): " + said);
        }
        if (error.isQuotaError() || httpStatus == 429) {
            return quota(error, result, said);
        }
        if (httpStatus >= 200 && httpStatus < 300) {
            return result.down(FailureClass.BODY_ERROR, error.code() + " in a " + httpStatus + " answer: " + said);
        }
        FailureClass failure = StatusFailures.of(httpStatus).orElse(FailureClass.HTTP_4XX);
        return result.down(failure, error.code() + ": " + said);
    }

    private static ProbeResult quota(GoogleApiError error, ProbeResult.Builder result, String said) {
        error.metadata("quota_limit_value").flatMap(GoogleApiErrors::number).ifPresent(limit -> result.reading("quota.limit", limit));
        String limit = error.metadata("quota_limit").map(name -> ", " + name).orElse("");
        String retry = error.retryDelay().map(delay -> "; Google says retry in " + delay).orElse("");
        return switch (QuotaPeriod.of(error)) {
            case DAY -> result.down(FailureClass.QUOTA, error.code() + " (daily quota" + limit
                    + "): spent until midnight Pacific time; " + said);
            case SHORT -> result.down(FailureClass.RATE_LIMITED, error.code() + " (short-term limit" + limit + retry
                    + "): " + said);
            case UNKNOWN -> result.down(FailureClass.RATE_LIMITED, error.code() + " (no quota period given, read as"
                    + " short-term throttling" + retry + "): " + said);
        };
    }

    private static Optional<Double> number(String text) {
        try {
            return Optional.of(Double.parseDouble(text)).filter(Double::isFinite);
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
