package io.sentinel.rules;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Incident and event ids made from what happened, never drawn at random: the same transition decided twice
 * (replayed from the spool, re-read after a restart) gets the same ids, so the database and the outbox's
 * idempotency keys recognise it and nobody is told twice.
 */
public final class IncidentIds {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static final String BREAKER_PREFIX = "breaker:";
    /** How a flapping check's alert id begins. */
    public static final String FLAPPING_PREFIX = "flapping:";

    private IncidentIds() {
    }

    /** {@code frontend-home@20261202T071000.123Z}: the check and the moment its problem began. URL-safe. */
    public static String forCheck(String checkId, Instant problemBegan) {
        return checkId + "@" + STAMP.format(problemBegan);
    }

    /** {@code breaker:hunter@20261202T071000.123Z}: a dependency's breaker and the moment it disabled calls. */
    public static String forBreaker(String dependency, Instant disabledAt) {
        return BREAKER_PREFIX + dependency + "@" + STAMP.format(disabledAt);
    }

    /**
     * {@code breaker-by-operator:hunter@20261202T071000.123Z}: a dependency disabled by an operator's hand, not by
     * its breaker's failure count, so it is never taken for a breaker that opened because its checks failed.
     */
    public static String forOperatorBreaker(String dependency, Instant disabledAt) {
        return "breaker-by-operator:" + dependency + "@" + STAMP.format(disabledAt);
    }

    /** Whether an alert id names a breaker that opened by itself, because its dependency's probes failed. */
    public static boolean isAutomaticBreaker(String alertId) {
        return alertId.startsWith(BREAKER_PREFIX);
    }

    /**
     * {@code incident:supabase-db@20261202T071000.123Z}: one outage of a dependency, named after the moment the
     * problem of its first alert began. Prefixed, so it never reads as a check's alert id.
     */
    public static String forDependency(String dependency, Instant problemBegan) {
        return "incident:" + dependency + "@" + STAMP.format(problemBegan);
    }

    /** {@code connectivity@20261202T071000.123Z}: Sentinel's own network lost, from the moment it was known. */
    public static String forConnectivity(Instant lostAt) {
        return io.sentinel.model.AlertEvent.CONNECTIVITY + "@" + STAMP.format(lostAt);
    }

    /** {@code <incident>/RECOVERED@20261202T071300.000Z}: a fact of an incident, at the moment it happened. */
    public static String fact(String incidentId, String what, Instant at) {
        return incidentId + "/" + what + "@" + STAMP.format(at);
    }

    /**
     * {@code rule:hunter-account:searches.remaining-below-100@20261202T071000.123Z}: one rule of a check (and one
     * series of it, such as one edge function: {@code …:enrichment-orchestrator@…}) and the moment its condition
     * began to hold. Characters an API path segment may not hold become {@code -}.
     */
    public static String forRule(String checkId, String ruleId, String series, Instant conditionBegan) {
        return ruleSeries(checkId, ruleId, series) + "@" + STAMP.format(conditionBegan);
    }

    /** {@code rule:hunter-account:searches.remaining-below-100}: a rule alert's id without its moment. */
    public static String ruleSeries(String checkId, String ruleId, String series) {
        return "rule:" + pathSafe(checkId) + ":" + pathSafe(ruleId) + (series.isEmpty() ? "" : ":" + pathSafe(series));
    }

    /** The series a rule alert's id names (its id without the moment), or empty for any other alert. */
    public static java.util.Optional<String> ruleSeriesOf(String incidentId) {
        int at = incidentId.lastIndexOf('@');
        return incidentId.startsWith("rule:") && at > 0 ? java.util.Optional.of(incidentId.substring(0, at))
                : java.util.Optional.empty();
    }

    /**
     * {@code location:us-1:frontend-home@20261202T071000.123Z}: one location that cannot reach a check the others
     * reach, from the moment that location saw it fail.
     */
    public static String forLocation(String location, String checkId, Instant locationSawItFail) {
        return "location:" + pathSafe(location) + ":" + pathSafe(checkId) + "@" + STAMP.format(locationSawItFail);
    }

    /**
     * {@code location-network:us-1@20261202T071000.123Z}: every check failing from one location while the others
     * reach them: that location's network, not the providers.
     */
    public static String forLocationNetwork(String location, Instant lostAt) {
        return io.sentinel.model.AlertEvent.LOCATION_NETWORK + ":" + pathSafe(location) + "@" + STAMP.format(lostAt);
    }

    /** {@code flapping:frontend-home@20261202T071000.123Z}: a check and the moment it was found flapping. */
    public static String forFlapping(String checkId, Instant detectedAt) {
        return FLAPPING_PREFIX + pathSafe(checkId) + "@" + STAMP.format(detectedAt);
    }

    /**
     * {@code <incident>/FIRING-DOWN@20261202T071300.000Z}: one transition of one incident, at the moment it was
     * decided (an incident can enter the same state twice: DOWN, DEGRADED, DOWN again).
     */
    public static String event(String incidentId, String status, String state, Instant decidedAt) {
        return incidentId + "/" + status + "-" + state + "@" + STAMP.format(decidedAt);
    }

    private static String pathSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean kept = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '~';
            safe.append(kept ? c : '-');
        }
        return safe.toString();
    }
}
