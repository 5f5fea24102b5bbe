package io.sentinel.probe;

import io.sentinel.http.HttpCaller;
import java.time.Clock;
import java.util.Objects;

/**
 * What probes share: one HTTP client and the clock.
 *
 * @param http  the shared HTTP client (fresh connection per probe, hard deadlines)
 * @param clock the clock results are stamped with
 */
public record ProbeToolkit(HttpCaller http, Clock clock) {

    public ProbeToolkit {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(clock, "clock");
    }
}
