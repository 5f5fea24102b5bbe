package io.sentinel.api;

import io.sentinel.config.Identifiers;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the ids in API paths can look like. A segment that can never be an id is the client's mistake (400);
 * a well-formed id that names nothing is a 404.
 */
final class PathIds {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
    /**
     * Incident ids are built from check or dependency ids and an instant ({@code home@20261202T071000.123Z},
     * {@code breaker:hunter@…}) or a rule name and a date ({@code reading:…:2026-11-26}); older ones are UUIDs.
     */
    private static final Pattern INCIDENT = Pattern.compile("[\\p{L}\\p{N}._:~@-]{1,512}");

    private PathIds() {
    }

    /** Check and dependency ids follow the configuration's rule. */
    static Optional<ApiReply> refuseConfigId(String id, String what) {
        return Identifiers.isValid(id) ? Optional.empty()
                : Optional.of(ApiReply.badRequest("not a valid " + what + " id: ids use " + Identifiers.RULE));
    }

    static Optional<ApiReply> refuseSilenceId(String id) {
        return id != null && UUID.matcher(id).matches() ? Optional.empty()
                : Optional.of(ApiReply.badRequest("not a valid silence id: silence ids are UUIDs; GET /api/silences lists them"));
    }

    static Optional<ApiReply> refuseIncidentId(String id) {
        return id != null && INCIDENT.matcher(id).matches() ? Optional.empty()
                : Optional.of(ApiReply.badRequest("not a valid incident id; GET /api/incidents lists the recent ones"));
    }
}
