package io.sentinel.provider.supabase;

import io.sentinel.probe.Excerpts;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.ProbeResult;
import io.sentinel.probe.http.BodyFailureFlags;
import io.sentinel.http.HttpResponseSnapshot;
import io.sentinel.provider.ProviderAnswers;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * One call to an edge function. The runtime marks its own failures with the {@code sb-error-code} header,
 * which is read first; then the body's {@code code}, then the status, then what the platform says.
 */
final class SupabaseFunctionAnswers {

    static final String ERROR_CODE_HEADER = "sb-error-code";

    private SupabaseFunctionAnswers() {
    }

    static ProbeResult read(HttpResponseSnapshot response, ProbeResult.Builder result, SupabaseFunctionOptions options,
                            Instant now) {
        int status = response.status();
        boolean expected = options.expectStatus().map(want -> want == status).orElse(PlatformStatuses.isSuccess(status));
        if (expected) {
            return PlatformStatuses.isSuccess(status) ? answer(response, result, options)
                    : result.up("HTTP " + status + " from " + options.function() + ", as expected");
        }
        SupabaseErrorBody body = SupabaseErrorBody.parse(response.body());
        Optional<String> code = response.headers().first(ERROR_CODE_HEADER).map(String::strip).filter(text -> !text.isEmpty())
                .or(body::code);
        return code.flatMap(EdgeFunctionErrors::ofCode)
                .or(() -> EdgeFunctionErrors.ofText(response.body()))
                .or(() -> EdgeFunctionErrors.ofStatus(status))
                .map(meaning -> failure(meaning, status, code.orElse(""), response, body, result))
                .or(() -> PlatformStatuses.failure(response, result).map(platform -> withCode(platform, code)))
                .orElseGet(() -> unexpectedStatus(response, result, options));
    }

    /**
     * A 2xx answer from the function itself. Its body is the function's own, so only what no healthy answer
     * looks like is judged: an HTML page (we reached something else) or a JSON object reporting an error.
     */
    private static ProbeResult answer(HttpResponseSnapshot response, ProbeResult.Builder result, SupabaseFunctionOptions options) {
        String body = response.body().stripLeading();
        if (body.regionMatches(true, 0, "<!doctype html", 0, 14) || body.regionMatches(true, 0, "<html", 0, 5)) {
            return ProviderAnswers.schemaChanged(result, response, "the function's own answer, not an HTML page");
        }
        Optional<String> reported = BodyFailureFlags.in(body);
        if (reported.isPresent()) {
            return result.down(FailureClass.BODY_ERROR, "HTTP " + response.status() + " from " + options.function()
                    + " reporting an error: " + reported.get());
        }
        return result.up("HTTP " + response.status() + " from " + options.function() + " ("
                + options.method().name().toLowerCase(Locale.ROOT) + ")");
    }

    /** "503 BOOT_ERROR: boot error: function failed to start — Function failed to start (please check logs)". */
    private static ProbeResult failure(EdgeFunctionErrors.Meaning meaning, int status, String code,
                                       HttpResponseSnapshot response, SupabaseErrorBody body, ProbeResult.Builder result) {
        String said = body.message().map(message -> Excerpts.of(message, 160)).orElseGet(() -> Excerpts.of(response.body()));
        String label = code.isEmpty() ? String.valueOf(status) : status + " " + code;
        return result.down(meaning.failureClass(), label + ": " + meaning.summary() + (said.isEmpty() ? "" : " — " + said));
    }

    /** A code the table does not know still belongs in the message, whatever the status made of it. */
    private static ProbeResult withCode(ProbeResult platform, Optional<String> code) {
        return code.filter(value -> !platform.message().contains(value))
                .map(value -> platform.withMessage(value + " — " + platform.message()))
                .orElse(platform);
    }

    private static ProbeResult unexpectedStatus(HttpResponseSnapshot response, ProbeResult.Builder result,
                                                SupabaseFunctionOptions options) {
        if (options.expectStatus().isPresent()) {
            return result.down(FailureClass.CONDITION, "expected HTTP " + options.expectStatus().get() + " from "
                    + options.function() + ", got " + response.status() + ": " + Excerpts.of(response.body()));
        }
        return ProviderAnswers.schemaChanged(result, response, "a 2xx answer from " + options.function());
    }
}
