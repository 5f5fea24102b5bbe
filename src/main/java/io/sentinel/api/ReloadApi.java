package io.sentinel.api;

import io.sentinel.reload.ReloadOutcome;
import io.sentinel.reload.Reloads;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Header;

/**
 * {@code POST /api/reload} (operator token): re-reads the configuration and routes now, as a file change or
 * SIGHUP would. A refused change answers 422 with its problems, and the running configuration stays.
 */
public final class ReloadApi {

    private final Reloads reloads;
    private final AdminAuth auth;

    public ReloadApi(Reloads reloads, AdminAuth auth) {
        this.reloads = reloads;
        this.auth = auth;
    }

    public ApiReply reload(@Header("Authorization") String authorization) {
        Optional<ApiReply> refused = auth.refuse(authorization);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<ReloadOutcome> outcome = reloads.request();
        if (outcome.isEmpty()) {
            return ApiReply.error(409, "the built-in configuration is running; it cannot change (start with --config)");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", outcome.get().result().name());
        body.put("version", outcome.get().version());
        if (outcome.get().result() == ReloadOutcome.Result.REFUSED) {
            body.put("problems", outcome.get().problems());
            return new ApiReply(422, body, java.time.Duration.ZERO);
        }
        return ApiReply.ok(body);
    }
}
