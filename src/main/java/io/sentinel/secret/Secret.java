package io.sentinel.secret;

import java.util.Objects;
import java.util.Optional;

/**
 * A credential from the configuration. It never prints itself, and it remembers which environment variable
 * it came from so that a missing one can be named ("set HUNTER_API_KEY") without showing a value.
 *
 * @param value    the credential, empty when not configured
 * @param variable the environment variable it was read from, if any
 */
public record Secret(String value, Optional<String> variable) {

    public Secret {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(variable, "variable");
        Redactor.global().register(value);
    }

    public static Secret of(String value) {
        return new Secret(value, Optional.empty());
    }

    public static Secret fromVariable(String value, String variable) {
        return new Secret(value, Optional.of(variable));
    }

    public static Secret none() {
        return new Secret("", Optional.empty());
    }

    public boolean isPresent() {
        return !value.isBlank();
    }

    /** What an operator must do to provide this secret, for SKIPPED messages and errors. */
    public String howToSet(String fieldName) {
        return variable.map(name -> "set " + name).orElse("configure " + fieldName);
    }

    @Override
    public String toString() {
        return isPresent() ? "****" : "(not set)";
    }
}
