package io.sentinel.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One alert rule of a check (or of a dependency, for each of its checks): what to watch for, how much it
 * matters, and how long it must hold before it fires and keep firing after it stops (Prometheus's {@code for}
 * and {@code keep_firing_for}).
 *
 * @param condition     what it watches for
 * @param severity      how much it matters; the check's own severity when not set
 * @param holdFor       how long the condition must hold, without a break, before the rule fires
 * @param keepFiringFor how long a firing rule stays firing after the condition stopped holding
 */
public record RuleConfig(RuleCondition condition, Optional<Severity> severity, Duration holdFor, Duration keepFiringFor) {

    /** A week: an alert that waits longer than that to fire is a report, not an alert. */
    public static final Duration LONGEST_HOLD = Duration.ofDays(7);
    private static final int MAX_ID_LENGTH = 160;

    public RuleConfig {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(severity, "severity");
        requireHold(holdFor, "for");
        requireHold(keepFiringFor, "keepFiringFor");
    }

    public static RuleConfig of(RuleCondition condition) {
        return new RuleConfig(condition, Optional.empty(), Duration.ZERO, Duration.ZERO);
    }

    /**
     * A stable, URL-safe name made from the condition: {@code error-rate-above-5pct-over-30m-min-10}. It names the
     * rule's incidents, so the same rule keeps its name across restarts and reordering.
     */
    public String id() {
        String words = condition.describe().toLowerCase(Locale.ROOT).replace("%", "pct").replace("*", "any");
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < words.length() && id.length() < MAX_ID_LENGTH; i++) {
            char c = words.charAt(i);
            boolean kept = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.';
            if (kept) {
                id.append(c);
            } else if (id.length() > 0 && id.charAt(id.length() - 1) != '-') {
                id.append('-');
            }
        }
        return id.toString().replaceAll("-+$", "");
    }

    /** The severity of its alerts for {@code check}: its own, else the check's. */
    public Severity severityFor(CheckConfig check) {
        return severity.orElse(check.severity());
    }

    /** How far back a restart must look to know where the rule stands. */
    public Duration lookback() {
        return condition.lookback().plus(holdFor).plus(keepFiringFor);
    }

    private static void requireHold(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.compareTo(LONGEST_HOLD) > 0) {
            throw new IllegalArgumentException(name + " must be from 0s to 7d, was " + value);
        }
    }
}
