package io.sentinel.provider.googleplaces;

import java.util.Locale;

/**
 * How long a Google quota that ran out lasts, read from the error's {@code quota_unit} ({@code 1/d/{project}},
 * {@code 1/min/{project}}) or, failing that, its {@code quota_limit} name ({@code …PerDayPerProject}). A daily
 * quota means no call works until midnight Pacific time (QUOTA); a per-minute or per-second one clears
 * within a minute (RATE_LIMITED).
 */
enum QuotaPeriod {
    DAY,
    SHORT,
    UNKNOWN;

    static QuotaPeriod of(GoogleApiError error) {
        QuotaPeriod fromUnit = error.metadata("quota_unit").map(QuotaPeriod::fromUnit).orElse(UNKNOWN);
        if (fromUnit != UNKNOWN) {
            return fromUnit;
        }
        return error.metadata("quota_limit").map(QuotaPeriod::fromLimitName).orElse(UNKNOWN);
    }

    /** {@code 1/d/{project}}: the second part is the period. */
    private static QuotaPeriod fromUnit(String unit) {
        String[] parts = unit.split("/");
        if (parts.length < 2) {
            return UNKNOWN;
        }
        return switch (parts[1].toLowerCase(Locale.ROOT)) {
            case "d", "day" -> DAY;
            case "s", "min", "100s" -> SHORT;
            default -> UNKNOWN;
        };
    }

    private static QuotaPeriod fromLimitName(String limit) {
        String name = limit.toLowerCase(Locale.ROOT);
        if (name.contains("perday")) {
            return DAY;
        }
        if (name.contains("perminute") || name.contains("persecond") || name.contains("perhundredseconds")) {
            return SHORT;
        }
        return UNKNOWN;
    }
}
