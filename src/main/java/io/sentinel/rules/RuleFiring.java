package io.sentinel.rules;

import io.sentinel.model.AlertEvent;
import java.time.Duration;
import java.time.Instant;

/**
 * Where one series of one rule stands, with Prometheus's semantics: the condition must hold for {@code for}
 * without a break before the rule fires (PENDING until then), and a firing rule stays firing until the
 * condition has not held for {@code keepFiringFor}. Times are those of the results, so replaying stored results
 * after a restart arrives at the same place, with the same incident.
 */
final class RuleFiring {

    enum Change { NONE, FIRED, RESOLVED }

    private Instant holdingSince;
    private Instant clearSince;
    private boolean firing;
    /** Whether the condition was seen not to hold before it began to: its start is known, not cut off. */
    private boolean judgedClear;
    private boolean startObserved;
    private AlertEvent fired;

    Change next(boolean holds, Instant at, Duration holdFor, Duration keepFiringFor) {
        if (holds) {
            clearSince = null;
            if (holdingSince == null) {
                holdingSince = at;
                startObserved = judgedClear;
            }
            if (!firing && !at.isBefore(holdingSince.plus(holdFor))) {
                firing = true;
                return Change.FIRED;
            }
            return Change.NONE;
        }
        judgedClear = true;
        if (!firing) {
            holdingSince = null;
            return Change.NONE;
        }
        if (clearSince == null) {
            clearSince = at;
        }
        if (!at.isBefore(clearSince.plus(keepFiringFor))) {
            firing = false;
            holdingSince = null;
            clearSince = null;
            return Change.RESOLVED;
        }
        return Change.NONE;
    }

    /** When the condition began to hold without a break; null while it does not. */
    Instant holdingSince() {
        return holdingSince;
    }

    boolean isFiring() {
        return firing;
    }

    boolean isInactive() {
        return !firing && holdingSince == null;
    }

    /** True when the start of the current firing was seen, so its event is the one first sent, not a guess. */
    boolean startObserved() {
        return startObserved;
    }

    void fired(AlertEvent event) {
        this.fired = event;
    }

    /** The event that announced the current firing. */
    AlertEvent firedEvent() {
        return fired;
    }
}
