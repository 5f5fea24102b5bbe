package io.sentinel.alert.silence;

import io.sentinel.model.AlertEvent;
import io.sentinel.config.Severity;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An operator's "do not notify about this until then". Empty matchers match everything; given ones must all
 * match.
 *
 * @param id         stable id, for DELETE
 * @param checkId    only this check
 * @param dependency only this dependency
 * @param severity   only this severity
 * @param startsAt   when it starts (usually its creation)
 * @param endsAt     when it ends by itself
 * @param reason     why, recorded and shown on held notifications
 * @param createdAt  when it was created
 */
public record Silence(String id, Optional<String> checkId, Optional<String> dependency, Optional<Severity> severity,
                      Instant startsAt, Instant endsAt, String reason, Instant createdAt) {

    public Silence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(dependency, "dependency");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("a silence must end after it starts");
        }
    }

    public boolean isActiveAt(Instant instant) {
        return !instant.isBefore(startsAt) && instant.isBefore(endsAt);
    }

    public boolean matches(AlertEvent event) {
        return checkId.map(id -> id.equals(event.checkId())).orElse(true)
                && dependency.map(id -> id.equals(event.dependency())).orElse(true)
                && severity.map(level -> level == event.severity()).orElse(true);
    }

    public Silence endedAt(Instant instant) {
        return new Silence(id, checkId, dependency, severity, startsAt,
                instant.isAfter(startsAt) ? instant : startsAt.plusMillis(1), reason, createdAt);
    }
}
