package io.sentinel.provider.supabase;

import io.sentinel.model.FailureClass;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the Edge runtime's error codes mean (the {@code sb-error-code} header, or the body's {@code code}).
 * The failure class is what an operator must do about it; the code itself always goes into the message.
 */
final class EdgeFunctionErrors {

    /** How one code is classified, and a short reading of it for the message. */
    record Meaning(FailureClass failureClass, String summary) {
    }

    static final int WORKER_LIMIT_STATUS = 546;

    /*
     * BOOT_ERROR is HTTP_5XX, not NOT_DEPLOYED: the function is deployed but its code fails to start (a broken
     * import, a syntax error, or the platform failing to boot workers during an incident). NOT_DEPLOYED would
     * tell the operator to deploy something that is already there; the message names BOOT_ERROR instead.
     */
    private static final Map<String, Meaning> BY_CODE = Map.ofEntries(
            Map.entry("NOT_FOUND", new Meaning(FailureClass.NOT_DEPLOYED, "function not deployed")),
            Map.entry("NOT_FOUND_FUNCTION_BLOB", new Meaning(FailureClass.NOT_DEPLOYED, "function not deployed")),
            Map.entry("BOOT_ERROR", new Meaning(FailureClass.HTTP_5XX, "boot error: function failed to start")),
            Map.entry("WORKER_ERROR", new Meaning(FailureClass.HTTP_5XX, "uncaught error outside the handler")),
            Map.entry("EDGE_FUNCTION_ERROR", new Meaning(FailureClass.HTTP_5XX, "the function answered with a 5xx")),
            Map.entry("IDLE_TIMEOUT", new Meaning(FailureClass.TIMEOUT, "idle timeout (150 s)")),
            Map.entry("WORKER_LIMIT", new Meaning(FailureClass.HTTP_5XX, "worker limit (memory/CPU)")),
            Map.entry("WORKER_RESOURCE_LIMIT", new Meaning(FailureClass.HTTP_5XX, "worker limit (memory/CPU)")),
            Map.entry("RATE_LIMIT_EXCEEDED", new Meaning(FailureClass.RATE_LIMITED, "recursive call rate limit")),
            Map.entry("LOAD_FUNCTION_ERROR", new Meaning(FailureClass.HTTP_5XX, "transient load error")),
            Map.entry("LOAD_FUNCTION_METADATA_ERROR", new Meaning(FailureClass.HTTP_5XX, "transient load error")),
            Map.entry("LOAD_FUNCTION_INVALID_ENTRYPOINT_PATH_ERROR",
                    new Meaning(FailureClass.HTTP_5XX, "broken function metadata (redeploy)")),
            Map.entry("LOAD_FUNCTION_UNBUNDLING_ERROR", new Meaning(FailureClass.HTTP_5XX, "corrupt function bundle (redeploy)")),
            Map.entry("INVALID_RESPONSE_STATUS_CODE", new Meaning(FailureClass.HTTP_5XX, "the function returned an invalid status")),
            Map.entry("INVALID_URL", new Meaning(FailureClass.HTTP_4XX, "the platform rejected the URL")));
    /** A code the table does not know but whose name says it: {@code FUNCTION_THROTTLED}, {@code …_RATE_LIMIT…}. */
    private static final Pattern THROTTLING_CODE = Pattern.compile("THROTTL|RATE_LIMIT|TOO_MANY");
    /** What a body without a known code says: "Function is throttled", "rate limit exceeded", "Too many requests". */
    private static final Pattern THROTTLING_TEXT = Pattern.compile("(?i)throttl|rate.?limit|too many requests");
    /** The runtime's own "not deployed" words, for answers that lost their code. */
    private static final Pattern NOT_FOUND_TEXT = Pattern.compile("(?i)requested function was not found|function deployment bundle not found");

    /**
     * The reading from the status alone, for answers without a code the table knows (older platforms send
     * {@code {"code":401,…}}); hedged where the status has other causes than the runtime's.
     */
    private static final Map<Integer, Meaning> BY_STATUS = Map.of(
            // Supabase: a 404 without its NOT_FOUND code "is coming from your app's logic" (the function is there)
            404, new Meaning(FailureClass.HTTP_4XX, "404 without Supabase's NOT_FOUND code: the function's own answer"),
            405, new Meaning(FailureClass.HTTP_4XX, "method not allowed"),
            // Supabase lists three causes of a 503 without BOOT_ERROR: the function's own 503, or platform load
            503, new Meaning(FailureClass.HTTP_5XX, "function unavailable (its own 503, or the platform overloaded)"),
            504, new Meaning(FailureClass.TIMEOUT, "function timed out"),
            WORKER_LIMIT_STATUS, new Meaning(FailureClass.HTTP_5XX, "worker limit (memory/CPU)"));

    private EdgeFunctionErrors() {
    }

    /** Every UNAUTHORIZED_* code (legacy/asymmetric JWT, no header, bad format, algorithm) is a key problem. */
    static Optional<Meaning> ofCode(String code) {
        String upper = code.toUpperCase(Locale.ROOT);
        if (upper.startsWith("UNAUTHORIZED")) {
            return Optional.of(new Meaning(FailureClass.AUTH, "JWT or key rejected"));
        }
        Optional<Meaning> known = Optional.ofNullable(BY_CODE.get(upper));
        if (known.isPresent() || !THROTTLING_CODE.matcher(upper).find()) {
            return known;
        }
        return Optional.of(new Meaning(FailureClass.RATE_LIMITED, "throttled: the function is deployed, the platform holds it back"));
    }

    /**
     * What the body's words say when no code did: throttling is RATE_LIMITED whatever the status (a throttled
     * function is deployed), and only the runtime's own "function was not found" is NOT_DEPLOYED.
     */
    static Optional<Meaning> ofText(String body) {
        if (THROTTLING_TEXT.matcher(body).find()) {
            return Optional.of(new Meaning(FailureClass.RATE_LIMITED, "throttled or rate limited, as the answer says"));
        }
        if (NOT_FOUND_TEXT.matcher(body).find()) {
            return Optional.of(new Meaning(FailureClass.NOT_DEPLOYED, "function not deployed"));
        }
        return Optional.empty();
    }

    static Optional<Meaning> ofStatus(int status) {
        return Optional.ofNullable(BY_STATUS.get(status));
    }
}
