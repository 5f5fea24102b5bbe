package io.sentinel.kamelet;

import io.sentinel.secret.Redactor;

/**
 * An operator's route handed Sentinel something that breaks the documented contract of an extension point: a
 * missing or wrong field, a condition that does not parse. Its message names the field and what is allowed; it
 * becomes a DOWN result of class {@link io.sentinel.model.FailureClass#CONTRACT} for the check.
 */
public final class RouteContractException extends Exception {

    public RouteContractException(String message) {
        super(Redactor.global().redact(message));
    }
}
