package io.sentinel.provider.postgres;

import io.sentinel.model.FailureClass;
import java.util.Objects;

/**
 * What went wrong with a connection or a query, in the terms of a result.
 *
 * @param failureClass how it failed
 * @param message      a short, redacted explanation with the SQLState where there is one
 */
record SqlFailure(FailureClass failureClass, String message) {

    SqlFailure {
        Objects.requireNonNull(failureClass, "failureClass");
        Objects.requireNonNull(message, "message");
    }
}
