package io.sentinel.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.config.MaintenanceWindow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MaintenanceWindowTest {

    @Test
    void aWeeklyWindowIsOpenOnItsDayInItsOwnTimeZone() {
        MaintenanceWindow backup = new MaintenanceWindow("backup", List.of(), List.of("supabase"), Optional.empty(),
                Optional.empty(), Set.of(DayOfWeek.SUNDAY), LocalTime.of(2, 0), LocalTime.of(4, 0), ZoneId.of("Europe/Berlin"));

        // 2026-11-29 is a Sunday; Berlin is UTC+1 in winter
        assertThat(backup.isOpenAt(Instant.parse("2026-11-29T01:30:00Z"))).isTrue();
        assertThat(backup.isOpenAt(Instant.parse("2026-11-29T00:59:00Z"))).isFalse();
        assertThat(backup.isOpenAt(Instant.parse("2026-11-29T03:00:00Z"))).isFalse();
        assertThat(backup.isOpenAt(Instant.parse("2026-11-28T01:30:00Z"))).as("a Saturday").isFalse();
    }

    @Test
    void aWindowThatCrossesMidnightStaysOpenIntoTheNextDay() {
        MaintenanceWindow night = new MaintenanceWindow("night", List.of(), List.of(), Optional.empty(), Optional.empty(),
                Set.of(DayOfWeek.SATURDAY), LocalTime.of(23, 0), LocalTime.of(1, 0), ZoneId.of("UTC"));

        assertThat(night.isOpenAt(Instant.parse("2026-11-28T23:30:00Z"))).isTrue();
        assertThat(night.isOpenAt(Instant.parse("2026-11-29T00:30:00Z"))).as("Sunday, after midnight").isTrue();
        assertThat(night.isOpenAt(Instant.parse("2026-11-29T01:00:00Z"))).isFalse();
    }

    @Test
    void aOneOffWindowCoversItsChecksAndDependenciesOnly() {
        MaintenanceWindow migration = new MaintenanceWindow("migration", List.of("db-ping"), List.of("hunter"),
                Optional.of(Instant.parse("2026-12-01T02:00:00Z")), Optional.of(Instant.parse("2026-12-01T04:00:00Z")),
                Set.of(), null, null, ZoneId.of("UTC"));

        assertThat(migration.isOpenAt(Instant.parse("2026-12-01T03:00:00Z"))).isTrue();
        assertThat(migration.isOpenAt(Instant.parse("2026-12-01T04:00:00Z"))).isFalse();
        assertThat(migration.covers("db-ping", "supabase")).isTrue();
        assertThat(migration.covers("hunter-account", "hunter")).isTrue();
        assertThat(migration.covers("auth-health", "supabase")).isFalse();
        assertThat(migration.covers(null, "hunter")).as("a breaker alert of a covered dependency").isTrue();
    }
}
