package io.sentinel.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentinel.alert.silence.Muting;
import io.sentinel.alert.silence.Silence;
import io.sentinel.config.CheckIndex;
import io.sentinel.config.Durations;
import io.sentinel.config.Severity;
import io.sentinel.json.Json;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Body;
import org.apache.camel.Header;

/**
 * {@code GET /api/silences}, {@code POST /api/silences} and {@code DELETE /api/silences/{id}}: hold back
 * notifications for a check, a dependency or a severity for a while. Probes keep running and results are
 * stored; only notifications wait. Changes need the admin token.
 */
public final class SilenceApi {

    static final Duration LONGEST = Duration.ofDays(30);

    private final Muting muting;
    private final CheckIndex checks;
    private final AdminAuth auth;
    private final Clock clock;

    public SilenceApi(Muting muting, CheckIndex checks, AdminAuth auth, Clock clock) {
        this.muting = muting;
        this.checks = checks;
        this.auth = auth;
        this.clock = clock;
    }

    public ApiReply list() {
        Instant now = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("silences", muting.silences().stream().map(silence -> describe(silence, now)).toList());
        return ApiReply.ok(body);
    }

    public ApiReply create(@Header("Authorization") String authorization, @Body String body) {
        Optional<ApiReply> refused = auth.refuse(authorization);
        if (refused.isPresent()) {
            return refused.get();
        }
        JsonNode json;
        try {
            json = Json.mapper().readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException notJson) {
            return ApiReply.badRequest("the body must be a JSON object, e.g. " + EXAMPLE);
        }
        if (json == null || !json.isObject()) {
            return ApiReply.badRequest("the body must be a JSON object, e.g. " + EXAMPLE);
        }
        Optional<String> check = text(json, "check");
        Optional<String> dependency = text(json, "dependency");
        Optional<String> severityText = text(json, "severity");
        Optional<String> reason = text(json, "reason");
        if (check.isEmpty() && dependency.isEmpty() && severityText.isEmpty()) {
            return ApiReply.badRequest("say what to silence: check, dependency and/or severity, e.g. " + EXAMPLE);
        }
        if (reason.isEmpty()) {
            return ApiReply.badRequest("say why: add \"reason\" (it is shown on every held notification)");
        }
        if (check.isPresent() && checks.check(check.get()).isEmpty()) {
            return ApiReply.badRequest("no check with id '" + check.get() + "'");
        }
        if (dependency.isPresent() && checks.dependency(dependency.get()).isEmpty()) {
            return ApiReply.badRequest("no dependency with id '" + dependency.get() + "'");
        }
        Optional<Severity> severity;
        try {
            severity = severityText.map(text -> Severity.valueOf(text.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return ApiReply.badRequest("severity must be critical, high or medium");
        }
        Instant now = clock.instant();
        Optional<Instant> ends = endsAt(json, now);
        if (ends.isEmpty() || !ends.get().isAfter(now) || Duration.between(now, ends.get()).compareTo(LONGEST) > 0) {
            return ApiReply.badRequest("give \"duration\" (e.g. \"2h\", at most 30d) or a future \"endsAt\" (ISO time)");
        }
        Silence silence = new Silence(UUID.randomUUID().toString(), check, dependency, severity, now, ends.get(),
                reason.get(), now);
        boolean stored = muting.add(silence);
        Map<String, Object> created = describe(silence, now);
        if (!stored) {
            created.put("warning", "the database is unavailable: this silence applies now but will be lost on restart");
        }
        return new ApiReply(201, created, Duration.ZERO);
    }

    public ApiReply end(@Header("id") String id, @Header("Authorization") String authorization) {
        Optional<ApiReply> refused = auth.refuse(authorization);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<ApiReply> malformed = PathIds.refuseSilenceId(id);
        if (malformed.isPresent()) {
            return malformed.get();
        }
        Instant now = clock.instant();
        return muting.end(id, now).map(silence -> ApiReply.ok(describe(silence, now)))
                .orElseGet(() -> ApiReply.notFound("no silence with id '" + id + "'; GET /api/silences lists them"));
    }

    private static final String EXAMPLE =
            "{\"dependency\": \"hunter\", \"duration\": \"2h\", \"reason\": \"planned key rotation\"}";

    /** A duration over {@link #LONGEST} is refused before it is added: a huge one would overflow the clock. */
    private static Optional<Instant> endsAt(JsonNode json, Instant now) {
        Optional<String> duration = text(json, "duration");
        if (duration.isPresent()) {
            return duration(duration.get()).filter(length -> length.compareTo(LONGEST) <= 0).map(now::plus);
        }
        try {
            return text(json, "endsAt").map(Instant::parse);
        } catch (DateTimeParseException notATime) {
            return Optional.empty();
        }
    }

    /** {@link Durations#parse} throws for amounts too large for a long or a Duration, e.g. 99999999999999999999d. */
    private static Optional<Duration> duration(String text) {
        try {
            return Durations.parse(text);
        } catch (ArithmeticException | NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText().strip());
    }

    private static Map<String, Object> describe(Silence silence, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", silence.id());
        silence.checkId().ifPresent(id -> json.put("check", id));
        silence.dependency().ifPresent(id -> json.put("dependency", id));
        silence.severity().ifPresent(level -> json.put("severity", level.label()));
        json.put("startsAt", silence.startsAt().toString());
        json.put("endsAt", silence.endsAt().toString());
        json.put("active", silence.isActiveAt(now));
        json.put("reason", silence.reason());
        return json;
    }
}
