package io.sentinel.provider.anonkey;

import java.util.Objects;
import java.util.Optional;

/**
 * A client key found in the frontend's code. It is registered with the redactor as soon as it is found; only
 * its {@link #fingerprint()} ever reaches a message.
 *
 * @param value      the key itself
 * @param legacyJwt  true for a legacy anon JWT, false for an {@code sb_publishable_} key
 * @param projectRef the project a legacy JWT was issued for (its {@code ref} claim), if it says
 */
record FoundKey(String value, boolean legacyJwt, Optional<String> projectRef) {

    FoundKey {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(projectRef, "projectRef");
    }

    String fingerprint() {
        return KeyFingerprint.of(value);
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "FoundKey[" + fingerprint() + (legacyJwt ? ", legacy JWT" : ", publishable") + "]";
    }
}
