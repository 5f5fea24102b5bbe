package io.sentinel.provider.vercel;

import io.sentinel.model.FailureClass;
import java.util.Map;

/**
 * What Vercel's {@code X-Vercel-Error} codes mean for the site (vercel.com/docs/errors). The code is more
 * precise than the status: a 503 may be a paused deployment or a throttled function.
 */
final class VercelErrorCodes {

    /** Codes that mean nothing is being served, with what to tell the person paged. */
    private static final Map<String, String> NOT_DEPLOYED = Map.of(
            "DEPLOYMENT_NOT_FOUND", "the deployment was not found",
            "NOT_FOUND", "nothing is deployed at this path",
            "DEPLOYMENT_DELETED", "the deployment was deleted",
            "DEPLOYMENT_PAUSED", "the deployment is paused",
            "DEPLOYMENT_DISABLED", "the deployment is disabled (often a plan or billing limit)",
            "DEPLOYMENT_BLOCKED", "the deployment is blocked");

    private VercelErrorCodes() {
    }

    static FailureClass classify(String code, int status) {
        if (NOT_DEPLOYED.containsKey(code)) {
            return FailureClass.NOT_DEPLOYED;
        }
        return switch (code) {
            case "FUNCTION_INVOCATION_TIMEOUT", "EDGE_FUNCTION_INVOCATION_TIMEOUT" -> FailureClass.TIMEOUT;
            case "FUNCTION_THROTTLED" -> FailureClass.RATE_LIMITED;
            default -> status >= 400 && status < 500 ? FailureClass.HTTP_4XX : FailureClass.HTTP_5XX;
        };
    }

    /** {@code DEPLOYMENT_PAUSED: site answered HTTP 503, the deployment is paused}: the code first, as Vercel shows it. */
    static String describe(String code, String part, int status) {
        String explanation = NOT_DEPLOYED.get(code);
        return code + ": " + part + " answered HTTP " + status + (explanation == null ? "" : ", " + explanation);
    }
}
