package io.sentinel.incident;

/**
 * The facts an incident records itself. Everything else on its timeline (probes, alert events, breaker
 * transitions, notifications) is read from where it is recorded already.
 */
public enum FactKind {
    /** The incident began with an alert. */
    OPENED,
    /** An alert fired within the quiet period after recovery: the same incident goes on. */
    REOPENED,
    /** The dependency's breaker opened while its checks were DOWN: listed here, not told separately. */
    BREAKER_JOINED,
    /** A dependent dependency's alert fired while this one was DOWN: held and listed here. */
    DEPENDENT_HELD,
    /** A held dependent alert was still firing after its parent recovered: told now, in its own incident. */
    DEPENDENT_RELEASED,
    /** Every alert resolved. */
    RECOVERED,
    /** Quiet for the whole quiet period after recovering. */
    CONFIRMED_STABLE
}
