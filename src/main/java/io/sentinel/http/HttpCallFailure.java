package io.sentinel.http;

import io.sentinel.model.FailureClass;
import io.sentinel.secret.Redactor;
import java.util.Objects;

/**
 * A call that produced no response: the failure class says how it failed. The message is redacted here, and
 * the low-level exception is deliberately not kept as the cause, because its message may hold the full URL.
 */
public final class HttpCallFailure extends Exception {

    private final FailureClass failureClass;

    public HttpCallFailure(FailureClass failureClass, String message) {
        super(Redactor.global().redact(Objects.requireNonNull(message, "message")));
        this.failureClass = Objects.requireNonNull(failureClass, "failureClass");
    }

    public FailureClass failureClass() {
        return failureClass;
    }
}
