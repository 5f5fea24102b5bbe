package io.sentinel.provider.supabase;

import io.sentinel.probe.Excerpts;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.ProbeResult;
import io.sentinel.http.HttpResponseSnapshot;
import io.sentinel.probe.http.StatusFailures;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the platform in front of every Supabase project says, whichever service was asked: a paused project,
 * the gateway timing out, a fair-use restriction, a rejected key. Kinds look at their own service's errors
 * first and hand everything else here.
 */
final class PlatformStatuses {

    static final int PROJECT_PAUSED = 540;
    static final int GATEWAY_TIMEOUT = 544;
    static final int SERVICE_RESTRICTED = 402;
    /** Supabase names the violated allowance in the description: exceed_egress_quota, overdue_payment … */
    private static final Pattern RESTRICTION_CODE = Pattern.compile("\\b(exceed(?:ed)?_[a-z0-9_]+|overdue_payment)\\b");

    private PlatformStatuses() {
    }

    /**
     * The failure a non-2xx response stands for, with the status or the platform's own words in the message;
     * empty for 1xx and 3xx, which the caller judges (an API that redirects is not the API we know).
     */
    static Optional<ProbeResult> failure(HttpResponseSnapshot response, ProbeResult.Builder result) {
        int status = response.status();
        if (status == PROJECT_PAUSED) {
            return Optional.of(result.down(FailureClass.NOT_DEPLOYED, "project paused (HTTP 540): " + Excerpts.of(response.body())));
        }
        if (status == GATEWAY_TIMEOUT) {
            return Optional.of(result.down(FailureClass.TIMEOUT, "API gateway timeout (HTTP 544): " + Excerpts.of(response.body())));
        }
        if (status == SERVICE_RESTRICTED) {
            return Optional.of(result.down(FailureClass.QUOTA, restriction(response.body())));
        }
        if (status == 401 || status == 403) {
            // the gateway's {"message":"Invalid API key","hint":"Double check your API key."}: the hint is the fix
            String described = SupabaseErrorBody.parse(response.body()).describe();
            String reason = described.isEmpty() ? Excerpts.of(response.body()) : described;
            return Optional.of(result.down(FailureClass.AUTH, "HTTP " + status + ": " + reason));
        }
        return StatusFailures.of(status).filter(failure -> status >= 400)
                .map(failure -> result.down(failure, "HTTP " + status + ": " + Excerpts.of(response.body())));
    }

    static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    private static String restriction(String body) {
        Set<String> codes = new LinkedHashSet<>();
        Matcher matcher = RESTRICTION_CODE.matcher(body);
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
        return codes.isEmpty() ? "fair-use restriction (HTTP 402): " + Excerpts.of(body)
                : "fair-use restriction: " + String.join(", ", codes);
    }
}
