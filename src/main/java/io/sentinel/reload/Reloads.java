package io.sentinel.reload;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where a request to re-read the configuration goes ({@code POST /api/reload}): to whatever keeps the daemon
 * running and watches its configuration, which registers itself here. The daemon's API only holds this
 * door; the supervisor behind it does the work, so the request flows one way.
 */
public final class Reloads {

    private volatile Supplier<ReloadOutcome> target;

    public static Reloads none() {
        return new Reloads();
    }

    /** From now on, requests are handled by {@code target}. */
    public void handleWith(Supplier<ReloadOutcome> target) {
        this.target = target;
    }

    /** Re-reads the configuration now; empty when nothing watches it (the built-in configuration runs). */
    public Optional<ReloadOutcome> request() {
        Supplier<ReloadOutcome> handler = target;
        return handler == null ? Optional.empty() : Optional.of(handler.get());
    }
}
