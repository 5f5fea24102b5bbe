package io.sentinel.api;

import io.sentinel.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Guards operator actions with {@code Authorization: Bearer <SENTINEL_ADMIN_TOKEN>}. Without a configured
 * token the actions are refused (403) rather than open: an unset variable must never mean "no password".
 *
 * <p>The value checked is the request's {@code Authorization} header and nothing else: a token in a query
 * parameter or form field never reaches the handlers ({@link ApiHeaderFilterStrategy}), since URLs end up in
 * proxy logs, browser history and referrers.
 */
public final class AdminAuth {

    private final Secret token;

    public AdminAuth(Secret token) {
        this.token = token;
    }

    /** Empty when the request may proceed, else the reply that refuses it. */
    public Optional<ApiReply> refuse(String authorization) {
        if (!token.isPresent()) {
            return Optional.of(ApiReply.error(403, "operator actions are disabled because no admin token is configured:"
                    + " set SENTINEL_ADMIN_TOKEN (or server.adminToken) and restart"));
        }
        String presented = bearer(authorization);
        if (presented == null || !sameSecret(presented, token.value())) {
            return Optional.of(ApiReply.error(401, "send Authorization: Bearer <SENTINEL_ADMIN_TOKEN>"));
        }
        return Optional.empty();
    }

    private static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).strip() : null;
    }

    /**
     * Compares digests, not the strings: {@link MessageDigest#isEqual} takes the same time whatever the
     * content, and hashing first hides the token's length too.
     */
    private static boolean sameSecret(String presented, String expected) {
        return MessageDigest.isEqual(sha256(presented), sha256(expected));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
