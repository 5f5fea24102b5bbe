package io.sentinel.probe.http;

import io.sentinel.model.FailureClass;
import java.util.Optional;

/** What an HTTP status alone says about a dependency. */
public final class StatusFailures {

    private StatusFailures() {
    }

    /** The failure a status stands for, or empty for 200–399. */
    public static Optional<FailureClass> of(int status) {
        if (status >= 200 && status < 400) {
            return Optional.empty();
        }
        if (status == 401 || status == 403) {
            return Optional.of(FailureClass.AUTH);
        }
        if (status == 429) {
            return Optional.of(FailureClass.RATE_LIMITED);
        }
        if (status >= 400 && status < 500) {
            return Optional.of(FailureClass.HTTP_4XX);
        }
        // 5xx, and the odd non-standard status a broken server or proxy invents
        return Optional.of(FailureClass.HTTP_5XX);
    }
}
