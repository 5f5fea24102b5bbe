package io.sentinel.provider.postgres;

import io.sentinel.model.FailureClass;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A probe that got no answer to its query. The message is already redacted.
 */
final class QueryFailure extends Exception {

    private final FailureClass failureClass;
    private final Duration elapsed;
    private final Optional<Duration> connect;

    /**
     * @param failure what went wrong
     * @param elapsed from the start of the probe to the failure
     * @param connect how long connecting took, when it succeeded and the query failed
     */
    QueryFailure(SqlFailure failure, Duration elapsed, Optional<Duration> connect) {
        super(failure.message());
        this.failureClass = failure.failureClass();
        this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
        this.connect = Objects.requireNonNull(connect, "connect");
    }

    FailureClass failureClass() {
        return failureClass;
    }

    Duration elapsed() {
        return elapsed;
    }

    Optional<Duration> connect() {
        return connect;
    }
}
