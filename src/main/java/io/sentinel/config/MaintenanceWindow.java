package io.sentinel.config;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A time when notifications are held back on purpose: a one-off window (a planned migration) or a weekly one
 * (Sunday 02:00–04:00 in a time zone). Probes keep running; only notifications wait.
 *
 * @param name         what it is, shown in held notifications
 * @param checks       the checks it covers; empty with empty {@code dependencies} means all
 * @param dependencies the dependencies it covers
 * @param start        one-off start (with {@code end}); empty for weekly windows
 * @param end          one-off end
 * @param days         weekly: the days it starts on
 * @param from         weekly: start time of day
 * @param to           weekly: end time of day (before {@code from} means it ends the next day)
 * @param zone         the time zone of the weekly times
 */
public record MaintenanceWindow(String name, List<String> checks, List<String> dependencies, Optional<Instant> start,
                                Optional<Instant> end, Set<DayOfWeek> days, LocalTime from, LocalTime to, ZoneId zone) {

    public MaintenanceWindow {
        Objects.requireNonNull(name, "name");
        checks = List.copyOf(checks);
        dependencies = List.copyOf(dependencies);
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        days = Set.copyOf(days);
        Objects.requireNonNull(zone, "zone");
        boolean oneOff = start.isPresent() && end.isPresent();
        boolean weekly = !days.isEmpty() && from != null && to != null;
        if (oneOff == weekly) {
            throw new IllegalArgumentException("a maintenance window is either one-off (start, end) or weekly (days, from, to)");
        }
        if (oneOff && !end.get().isAfter(start.get())) {
            throw new IllegalArgumentException("a maintenance window must end after it starts");
        }
    }

    /** True when the window covers this check of this dependency. */
    public boolean covers(String checkId, String dependency) {
        if (checks.isEmpty() && dependencies.isEmpty()) {
            return true;
        }
        return (checkId != null && checks.contains(checkId)) || dependencies.contains(dependency);
    }

    /** True when the window is open at {@code instant}. */
    public boolean isOpenAt(Instant instant) {
        if (start.isPresent()) {
            return !instant.isBefore(start.get()) && instant.isBefore(end.get());
        }
        ZonedDateTime local = instant.atZone(zone);
        // a window that crosses midnight may have started yesterday
        return startsWithin(local, 0) || (to.isBefore(from) && startsWithin(local, 1));
    }

    private boolean startsWithin(ZonedDateTime local, int daysAgo) {
        ZonedDateTime opening = local.minusDays(daysAgo).with(from);
        if (!days.contains(opening.getDayOfWeek())) {
            return false;
        }
        ZonedDateTime closing = to.isAfter(from) ? opening.with(to) : opening.plusDays(1).with(to);
        return !local.isBefore(opening) && local.isBefore(closing);
    }
}
