package io.sentinel.provider;

import io.sentinel.secret.Secret;
import java.util.Optional;

/** What to tell an operator when a provider's credential is not configured. */
public final class ProviderCredentials {

    private ProviderCredentials() {
    }

    /**
     * Empty when the credential is there. Otherwise the step that fixes it: {@code set FOURSQUARE_API_KEY}
     * when the field names a variable that is unset or empty, or the whole line to add when the field is
     * absent (or a literal blank), since then there is no variable to name yet.
     *
     * @param secret   the credential as read
     * @param field    the option it is read from, e.g. {@code apiKey}
     * @param variable the environment variable the shipped configuration uses for it
     */
    public static Optional<String> missing(Secret secret, String field, String variable) {
        if (secret.isPresent()) {
            return Optional.empty();
        }
        if (secret.variable().isPresent()) {
            return Optional.of(secret.howToSet(field));
        }
        return Optional.of("set " + field + ": ${" + variable + "}");
    }
}
