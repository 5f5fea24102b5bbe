package io.sentinel.probe.schedule;

import io.sentinel.config.CheckConfig;
import java.util.Objects;

/**
 * One probe the timetable says should run now.
 *
 * @param check      the check as configured when the probe became due
 * @param dueNanos   when it was due (a {@link System#nanoTime()} reading); the start minus this is the lag
 * @param generation which plan of the check it belongs to, so a probe of a replaced configuration cannot
 *                   reschedule the new one
 */
record DueProbe(CheckConfig check, long dueNanos, long generation) {

    DueProbe {
        Objects.requireNonNull(check, "check");
    }
}
