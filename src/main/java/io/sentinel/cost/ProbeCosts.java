package io.sentinel.cost;

import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.config.CheckConfig;
import io.sentinel.config.DependencyConfig;
import io.sentinel.config.Severity;
import io.sentinel.probe.ProbeKind;
import io.sentinel.probe.ProbeResult;
import io.sentinel.rules.AlertSource;
import io.sentinel.model.HealthState;
import io.sentinel.rules.PendingAlerts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What probes cost and who may still spend: each check costs its {@code costPerCall} (or its kind's price),
 * spending is totalled per dependency per UTC day, and a probe that would take a dependency over its
 * {@code dailyBudget} is not run (SKIPPED, "budget"). The first refusal of a day raises one medium alert; the
 * next day's first probe resolves it.
 *
 * <p>Instances sharing one database share the budget: each charge brings back the total every instance has
 * booked today, so a cluster may go over the budget by at most one probe per instance, not spend one budget each.
 */
public final class ProbeCosts {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeCosts.class);

    private final Function<String, Optional<DependencyConfig>> dependencies;
    private final Map<String, ProbeKind> kinds;
    private final SpendRepository repository;
    private final Clock clock;
    private final Map<String, Double> spentToday = new ConcurrentHashMap<>();
    private final Map<String, AlertEvent> budgetAlerts = new ConcurrentHashMap<>();
    private final PendingAlerts alerts = new PendingAlerts();
    private volatile LocalDate today;

    public ProbeCosts(Function<String, Optional<DependencyConfig>> dependencies, Map<String, ProbeKind> kinds,
                      SpendRepository repository, Clock clock) {
        this.dependencies = dependencies;
        this.kinds = Map.copyOf(kinds);
        this.repository = repository;
        this.clock = clock;
        this.today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /**
     * Reads what was already spent today, before the first probe: a daemon calls it once its database is open
     * (the database opens while the rest of the daemon is built); without it spending counts from zero.
     */
    public ProbeCosts restoreToday() {
        load(today);
        return this;
    }

    /** The budget alerts raised and not yet collected by the results route. */
    public AlertSource alerts() {
        return alerts;
    }

    public double costPerCall(CheckConfig check) {
        return check.costPerCall().orElseGet(() -> {
            ProbeKind kind = kinds.get(check.kind());
            return kind == null ? 0.0 : kind.defaultCostPerCall(check.options());
        });
    }

    /** Why this check may not run now, or empty when it may. */
    public Optional<String> refusal(CheckConfig check) {
        rollOver();
        double cost = costPerCall(check);
        Optional<Double> budget = dependencies.apply(check.dependency()).flatMap(DependencyConfig::dailyBudget);
        if (cost <= 0 || budget.isEmpty()) {
            return Optional.empty();
        }
        double spent = spentToday(check.dependency());
        if (spent + cost <= budget.get() + 1e-9) {
            resolveBudgetAlert(check.dependency());
            return Optional.empty();
        }
        String reason = String.format(Locale.ROOT, "budget: a probe costs $%.4f and %s has spent $%.4f of its $%.2f"
                + " daily budget; probes resume at 00:00 UTC", cost, check.dependency(), spent, budget.get());
        raiseBudgetAlert(check.dependency(), reason);
        return Optional.of(reason);
    }

    /** Books the cost of a probe that really called the dependency, and shows it as the reading {@code cost.usd}. */
    public ProbeResult charge(CheckConfig check, ProbeResult result) {
        double cost = costPerCall(check);
        if (cost <= 0 || !result.outcome().isObservation()) {
            return result;
        }
        rollOver();
        spentToday.merge(check.dependency(), cost, Double::sum);
        try {
            double sharedTotal = repository.add(check.dependency(), today, cost);
            spentToday.merge(check.dependency(), sharedTotal, Math::max);
        } catch (RuntimeException databaseUnavailable) {
            LOG.warn("Probe spending of {} could not be stored ({}); the budget counts it in memory",
                    check.dependency(), databaseUnavailable.getMessage());
        }
        Map<String, Double> readings = new java.util.LinkedHashMap<>(result.readings());
        readings.put("cost.usd", cost);
        return new ProbeResult(result.checkId(), result.dependency(), result.startedAt(), result.latency(),
                result.outcome(), result.failureClass(), result.httpStatus(), result.message(), readings);
    }

    public double spentToday(String dependency) {
        rollOver();
        return spentToday.getOrDefault(dependency, 0.0);
    }

    public LocalDate today() {
        rollOver();
        return today;
    }

    private void rollOver() {
        LocalDate now = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (!now.equals(today)) {
            synchronized (this) {
                if (!now.equals(today)) {
                    today = now;
                    spentToday.clear();
                    load(now);
                }
            }
        }
    }

    private void load(LocalDate day) {
        try {
            spentToday.putAll(repository.spentOn(day));
        } catch (RuntimeException databaseUnavailable) {
            LOG.warn("Could not read today's probe spending ({}); counting from zero", databaseUnavailable.getMessage());
        }
    }

    private void raiseBudgetAlert(String dependency, String reason) {
        String incident = "budget:" + dependency + ":" + today;
        if (budgetAlerts.containsKey(dependency)) {
            return;
        }
        Instant now = clock.instant();
        AlertEvent firing = new AlertEvent(incident + ":firing", incident, AlertStatus.FIRING, Severity.MEDIUM, null,
                dependency, HealthState.DEGRADED, HealthState.UP, null, dependency + " probe " + reason, null, now, now);
        budgetAlerts.put(dependency, firing);
        alerts.raise(firing);
    }

    private void resolveBudgetAlert(String dependency) {
        AlertEvent firing = budgetAlerts.remove(dependency);
        if (firing != null) {
            Instant now = clock.instant();
            alerts.raise(new AlertEvent(firing.incidentId() + ":resolved", firing.incidentId(), AlertStatus.RESOLVED,
                    Severity.MEDIUM, null, dependency, HealthState.UP, HealthState.DEGRADED, null,
                    dependency + " probes run again within the daily budget", null, firing.since(), now));
        }
    }
}
