package io.sentinel.config;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads one {@code alerts.maintenance} window:
 * <pre>
 * - name: supabase upgrade
 *   dependencies: [supabase-db]
 *   start: 2026-12-01T02:00:00Z
 *   end: 2026-12-01T04:00:00Z
 * - name: weekly backup
 *   checks: [db-ping]
 *   weekly: {days: [sun], from: "02:00", to: "03:30", timeZone: Europe/Berlin}
 * </pre>
 */
final class MaintenanceReader {

    private MaintenanceReader() {
    }

    static Optional<MaintenanceWindow> read(ConfigSection window, Set<String> checkIds, Set<String> dependencyIds) {
        Optional<String> name = window.requiredText("name", "weekly backup");
        List<String> checks = known(window, "checks", "check", checkIds);
        List<String> dependencies = known(window, "dependencies", "dependency", dependencyIds);
        Optional<Instant> start = instant(window, "start");
        Optional<Instant> end = instant(window, "end");
        Optional<ConfigSection> weekly = window.section("weekly");
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        LocalTime from = null;
        LocalTime to = null;
        ZoneId zone = ZoneOffset.UTC;
        if (weekly.isPresent()) {
            ConfigSection schedule = weekly.get();
            for (ScalarNode item : schedule.scalarList("days")) {
                day(schedule.textOf(item)).ifPresentOrElse(days::add, () -> schedule.problemAt(item,
                        ProblemText.quote(item.getValue()) + " is not a day", "use mon, tue, wed, thu, fri, sat, sun"));
            }
            from = time(schedule, "from");
            to = time(schedule, "to");
            zone = zone(schedule);
            schedule.finish();
        }
        boolean oneOff = start.isPresent() || end.isPresent();
        if (oneOff == weekly.isPresent()) {
            window.problem("maintenance window must be one-off (start and end) or weekly, not " + (oneOff ? "both" : "neither"),
                    "give start: and end:, or weekly: {days: [sun], from: \"02:00\", to: \"04:00\"}");
            return Optional.empty();
        }
        if (oneOff && (start.isEmpty() || end.isEmpty() || !end.get().isAfter(start.get()))) {
            window.problem("a one-off window needs a start and a later end", "e.g. start: 2026-12-01T02:00:00Z, end: 2026-12-01T04:00:00Z");
            return Optional.empty();
        }
        if (weekly.isPresent() && (days.isEmpty() || from == null || to == null || from.equals(to))) {
            window.problem("a weekly window needs days, and different from and to times",
                    "e.g. weekly: {days: [sun], from: \"02:00\", to: \"04:00\", timeZone: Europe/Berlin}");
            return Optional.empty();
        }
        LocalTime opens = from;
        LocalTime closes = to;
        ZoneId timeZone = zone;
        return name.map(value -> new MaintenanceWindow(value, checks, dependencies, start, end, days, opens, closes, timeZone));
    }

    private static List<String> known(ConfigSection window, String key, String noun, Set<String> ids) {
        List<String> named = new java.util.ArrayList<>();
        for (ScalarNode item : window.scalarList(key)) {
            String id = window.textOf(item);
            if (ids.contains(id)) {
                named.add(id);
            } else {
                window.problemAt(item, "maintenance window names " + noun + " " + ProblemText.quote(item.getValue())
                        + ", which is not defined",
                        Suggestions.nearest(id, ids).map(s -> "did you mean '" + s + "'?").orElse("check the id"));
            }
        }
        return named;
    }

    private static Optional<Instant> instant(ConfigSection window, String key) {
        return window.text(key).flatMap(text -> {
            try {
                return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
            } catch (DateTimeParseException notATime) {
                window.problem(key, "'" + key + "' is not a date and time: " + ProblemText.quote(window.written(key).orElse(text)),
                        "write an ISO time with its offset, e.g. 2026-12-01T02:00:00Z or 2026-12-01T03:00:00+01:00");
                return Optional.empty();
            }
        });
    }

    private static LocalTime time(ConfigSection schedule, String key) {
        return schedule.requiredText(key, "\"02:00\"").map(text -> {
            try {
                return LocalTime.parse(text.strip());
            } catch (DateTimeParseException notATime) {
                schedule.problem(key, "'" + key + "' is not a time of day: " + ProblemText.quote(schedule.written(key).orElse(text)),
                        "write it as \"HH:MM\", e.g. \"02:00\"");
                return null;
            }
        }).orElse(null);
    }

    private static ZoneId zone(ConfigSection schedule) {
        return schedule.text("timeZone").map(text -> {
            try {
                return ZoneId.of(text.strip());
            } catch (DateTimeException unknown) {
                schedule.problem("timeZone", ProblemText.quote(schedule.written("timeZone").orElse(text)) + " is not a time zone",
                        "use a region id such as Europe/Berlin or UTC");
                return (ZoneId) ZoneOffset.UTC;
            }
        }).orElse(ZoneOffset.UTC);
    }

    private static Optional<DayOfWeek> day(String text) {
        String word = text.strip().toLowerCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().toLowerCase(Locale.ROOT).startsWith(word) && word.length() >= 3) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }
}
