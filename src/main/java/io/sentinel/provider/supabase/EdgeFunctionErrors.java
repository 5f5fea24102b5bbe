package io.sentinel.provider.supabase;

import io.sentinel.probe.FailureClass;
import java.util.Map;
import java.util.Optional;

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
            Map.entry("LOAD_FUNCTION_METADATA_ERROR", new Meaning(FailureClass.HTTP_5XX, "transient load error")));

    /**
     * The reading from the status alone, for answers without a code the table knows (older platforms send
     * {@code {"code":401,…}}); hedged where the status has other causes than the runtime's.
     */
    private static final Map<Integer, Meaning> BY_STATUS = Map.of(
            404, new Meaning(FailureClass.NOT_DEPLOYED, "function not found (not deployed?)"),
            405, new Meaning(FailureClass.HTTP_4XX, "method not allowed"),
            503, new Meaning(FailureClass.HTTP_5XX, "function unavailable (failed to start?)"),
            504, new Meaning(FailureClass.TIMEOUT, "function timed out"),
            WORKER_LIMIT_STATUS, new Meaning(FailureClass.HTTP_5XX, "worker limit (memory/CPU)"));

    private EdgeFunctionErrors() {
    }

    /** Every UNAUTHORIZED_* code (legacy/asymmetric JWT, no header, bad format, algorithm) is a key problem. */
    static Optional<Meaning> ofCode(String code) {
        if (code.startsWith("UNAUTHORIZED")) {
            return Optional.of(new Meaning(FailureClass.AUTH, "JWT or key rejected"));
        }
        return Optional.ofNullable(BY_CODE.get(code));
    }

    static Optional<Meaning> ofStatus(int status) {
        return Optional.ofNullable(BY_STATUS.get(status));
    }
}
