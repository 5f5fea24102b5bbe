package io.sentinel.report.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * One fact of an incident's timeline. Reports show every entry the same way (its time and its text), so a new
 * kind of fact appears in them without any change to the reports.
 *
 * @param at   when it happened
 * @param kind what sort of fact, e.g. {@link #ALERT} or {@link #OPERATOR}; an open set
 * @param text the fact, for people
 */
public record TimelineEntry(Instant at, String kind, String text) {

    /** A probe result: the first failed probe of a check. */
    public static final String PROBE = "probe";
    /** An alert event raised: a check or breaker started firing, or changed state while firing. */
    public static final String ALERT = "alert";
    /** An alert event that resolved the problem. */
    public static final String RECOVERY = "recovery";
    /** A notification queued, delivered, held or refused. */
    public static final String NOTIFICATION = "notification";
    /** A circuit breaker changed state by itself. */
    public static final String BREAKER = "breaker";
    /** Something an operator did: forced a breaker, silenced notifications. */
    public static final String OPERATOR = "operator";

    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        text = text == null ? "" : text;
    }

    /** Facts that belong under "Resolution Steps" too: what was done, and the recovery. */
    public boolean isResolutionStep() {
        return kind.equals(OPERATOR) || kind.equals(RECOVERY);
    }
}
