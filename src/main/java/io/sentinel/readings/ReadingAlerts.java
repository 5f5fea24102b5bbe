package io.sentinel.readings;

import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.config.CheckConfig;
import io.sentinel.config.Durations;
import io.sentinel.config.ReadingAlert;
import io.sentinel.probe.ProbeResult;
import io.sentinel.results.ResultHistory;
import io.sentinel.model.HealthState;
import io.sentinel.rules.ResultRule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every result's readings against its check's {@code readingAlerts}: below or above a limit, or running
 * out sooner than allowed at the current rate. Each rule fires once when it starts to hold and resolves once
 * when it stops. Incident ids are made from the check, the rule and the day it fired, so a restart on the same
 * day does not send the alert twice.
 */
public final class ReadingAlerts implements ResultRule {

    private static final Logger LOG = LoggerFactory.getLogger(ReadingAlerts.class);

    private final ResultHistory history;
    private final Clock clock;
    private final Map<String, ReadingTrend> trends = new ConcurrentHashMap<>();
    private final Map<String, AlertEvent> firing = new ConcurrentHashMap<>();

    public ReadingAlerts(ResultHistory history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    @Override
    public List<AlertEvent> apply(CheckConfig check, ProbeResult result) {
        if (check.readingAlerts().isEmpty() || result.readings().isEmpty()) {
            return List.of();
        }
        List<AlertEvent> events = new ArrayList<>();
        for (ReadingAlert rule : check.readingAlerts()) {
            Double value = result.readings().get(rule.reading());
            if (value != null) {
                evaluate(check, rule, value, result).ifPresent(events::add);
            }
        }
        return events;
    }

    private Optional<AlertEvent> evaluate(CheckConfig check, ReadingAlert rule, double value, ProbeResult result) {
        ReadingTrend trend = trends.computeIfAbsent(check.id() + "|" + rule.reading(), key -> seeded(check.id(), rule.reading()));
        trend.add(result.startedAt(), value);
        Optional<String> problem = problem(rule, value, trend, result);
        String key = check.id() + "|" + rule.name();
        Instant now = clock.instant();
        if (problem.isPresent() && !firing.containsKey(key)) {
            String incident = "reading:" + check.id() + ":" + rule.name().replace(' ', '-') + ":"
                    + LocalDate.ofInstant(now, ZoneOffset.UTC);
            AlertEvent event = new AlertEvent(incident + ":firing", incident, AlertStatus.FIRING, rule.severity(),
                    check.id(), check.dependency(), HealthState.DEGRADED, HealthState.UP, null, problem.get(), null, now, now);
            firing.put(key, event);
            return Optional.of(event);
        }
        if (problem.isEmpty() && firing.containsKey(key)) {
            AlertEvent fired = firing.remove(key);
            return Optional.of(new AlertEvent(fired.incidentId() + ":resolved", fired.incidentId(),
                    AlertStatus.RESOLVED, rule.severity(), check.id(), check.dependency(), HealthState.UP,
                    HealthState.DEGRADED, null, rule.reading() + " is fine again: " + format(value), null,
                    fired.since(), now));
        }
        return Optional.empty();
    }

    /**
     * For each reading of the check that an {@code exhaustsWithin} rule watches, how long until it reaches zero at
     * its current rate; a reading without enough history for a trend, or one that is not falling, is left out.
     */
    public Map<String, Duration> timeUntilExhausted(CheckConfig check) {
        Map<String, Duration> forecasts = new java.util.LinkedHashMap<>();
        for (ReadingAlert rule : check.readingAlerts()) {
            ReadingTrend trend = rule.exhaustsWithin().isPresent() ? trends.get(check.id() + "|" + rule.reading()) : null;
            if (trend != null) {
                trend.timeUntilZero().ifPresent(left -> forecasts.putIfAbsent(rule.reading(), left));
            }
        }
        return forecasts;
    }

    private static Optional<String> problem(ReadingAlert rule, double value, ReadingTrend trend, ProbeResult result) {
        if (rule.below().isPresent() && value < rule.below().get()) {
            return Optional.of(rule.reading() + " is " + format(value) + ", below " + format(rule.below().get()));
        }
        if (rule.above().isPresent() && value > rule.above().get()) {
            return Optional.of(rule.reading() + " is " + format(value) + ", above " + format(rule.above().get()));
        }
        if (rule.exhaustsWithin().isPresent()) {
            Optional<Duration> left = trend.timeUntilZero();
            Optional<Double> resetDays = rule.resetReading().map(name -> result.readings().get(name));
            boolean resetsFirst = left.isPresent() && resetDays.isPresent()
                    && left.get().toHours() / 24.0 > resetDays.get();
            if (left.isPresent() && left.get().compareTo(rule.exhaustsWithin().get()) < 0 && !resetsFirst) {
                return Optional.of(rule.reading() + " (" + format(value) + ") runs out in about "
                        + Durations.format(left.get().truncatedTo(java.time.temporal.ChronoUnit.HOURS))
                        + " at the current rate, sooner than " + Durations.format(rule.exhaustsWithin().get()));
            }
        }
        return Optional.empty();
    }

    /** A trend starts from the stored history, so a restart does not forget a week of usage. */
    private ReadingTrend seeded(String checkId, String reading) {
        ReadingTrend trend = new ReadingTrend();
        try {
            List<ProbeResult> past = history.history(checkId, 1_000);
            for (int i = past.size() - 1; i >= 0; i--) {
                Double value = past.get(i).readings().get(reading);
                if (value != null) {
                    trend.add(past.get(i).startedAt(), value);
                }
            }
        } catch (RuntimeException databaseUnavailable) {
            LOG.debug("No history for the {} trend of {}: {}", reading, checkId, databaseUnavailable.getMessage());
        }
        return trend;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(java.util.Locale.ROOT, "%.2f", value);
    }
}
