package io.sentinel.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How reports write times: always UTC, to the minute, and saying so. */
public final class ReportTimes {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    private ReportTimes() {
    }

    /** {@code 09:12}. */
    public static String time(Instant instant) {
        return MINUTE.format(instant);
    }

    /** {@code 2026-11-26 09:12 UTC}. */
    public static String dateTime(Instant instant) {
        return DATE_MINUTE.format(instant) + " UTC";
    }

    public static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
