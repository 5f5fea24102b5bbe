package io.sentinel.provider.neverbounce;

import io.sentinel.model.FailureClass;
import java.util.regex.Pattern;

/**
 * What a {@code status} other than {@code success} means. NeverBounce reports every error this way, usually
 * with HTTP 200, so the body decides and the HTTP status does not.
 */
final class NeverBounceStatus {

    /**
     * NeverBounce's help says an account without a payment method gets "an error to add a default payment
     * method"; which status carries it is NOT CONFIRMED, so a {@code general_failure} that speaks of payment
     * or credits is taken as the allowance being spent.
     */
    private static final Pattern PAYMENT = Pattern.compile("(?i)payment|credit|billing|balance");

    private NeverBounceStatus() {
    }

    static FailureClass classify(String status, String message) {
        return switch (status) {
            case "auth_failure", "bad_referrer" -> FailureClass.AUTH;
            case "throttle_triggered" -> FailureClass.RATE_LIMITED;
            case "general_failure" -> PAYMENT.matcher(message).find() ? FailureClass.QUOTA : FailureClass.BODY_ERROR;
            default -> FailureClass.BODY_ERROR;
        };
    }

    /** {@code auth_failure: Invalid API key '…'}, naming a status we do not know as such. */
    static String describe(String status, String message) {
        String known = switch (status) {
            case "auth_failure", "bad_referrer", "throttle_triggered", "general_failure" -> status;
            default -> "unknown status '" + status + "'";
        };
        return message.isBlank() ? known : known + ": " + message.strip();
    }
}
