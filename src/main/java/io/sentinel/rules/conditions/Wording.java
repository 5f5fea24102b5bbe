package io.sentinel.rules.conditions;

import java.util.Locale;

/** Numbers as alerts show them: whole numbers plain, others to two places, shares to one. */
final class Wording {

    private Wording() {
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    static String share(long part, long whole) {
        return whole == 0 ? "0%" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    /** {@code 5}, {@code 99.9}: a configured percentage as written. */
    static String percent(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
