package io.sentinel.breaker;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.config.Durations;
import io.sentinel.rules.AlertSource;
import io.sentinel.model.HealthState;
import io.sentinel.rules.IncidentIds;
import io.sentinel.rules.PendingAlerts;
import io.sentinel.secret.Redactor;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the record of every breaker transition: stores it (so a restart continues the breaker), logs it, and
 * turns the ones people must hear about into alert events: a dependency disabled, and re-enabled.
 */
public final class BreakerJournal implements Consumer<BreakerTransition> {

    private static final Logger LOG = LoggerFactory.getLogger(BreakerJournal.class);

    private final Breakers breakers;
    private final BreakerRepository repository;
    private final Map<String, String> openIncidents = new ConcurrentHashMap<>();
    private final PendingAlerts alerts = new PendingAlerts();

    public BreakerJournal(Breakers breakers, BreakerRepository repository) {
        this.breakers = breakers;
        this.repository = repository;
    }

    /** The breaker alerts raised and not yet collected by the results or housekeeping route. */
    public AlertSource alerts() {
        return alerts;
    }

    /** Restores the breakers and the incidents they had open. */
    public void restore(Map<String, StoredBreaker> stored) {
        stored.values().stream().filter(state -> state.incidentId() != null)
                .forEach(state -> openIncidents.put(state.dependency(), state.incidentId()));
        breakers.restore(stored);
    }

    @Override
    public void accept(BreakerTransition transition) {
        String dependency = transition.dependency();
        String incident = transition.disables()
                ? openIncidents.computeIfAbsent(dependency, unused -> BreakerTransition.OPERATOR.equals(transition.actor())
                        ? IncidentIds.forOperatorBreaker(dependency, transition.at())
                        : IncidentIds.forBreaker(dependency, transition.at()))
                : openIncidents.get(dependency);
        log(transition);
        try {
            repository.record(transition);
            repository.save(new StoredBreaker(dependency, transition.to(), transition.at(), openUntil(transition),
                    transition.to() == CircuitBreaker.State.CLOSED ? null : incident));
        } catch (RuntimeException storeDown) {
            LOG.warn("Could not store the {} breaker transition: {}", dependency, Redactor.global().describe(storeDown));
        }
        if (incident != null && (transition.disables() || transition.reEnables()
                || BreakerTransition.OPERATOR.equals(transition.actor()))) {
            alerts.raise(alertFor(transition, incident));
        }
        if (transition.reEnables()) {
            openIncidents.remove(dependency);
        }
    }

    private Instant openUntil(BreakerTransition transition) {
        return transition.to() == CircuitBreaker.State.OPEN
                ? transition.at().plus(breakers.dependency(transition.dependency()).breaker().waitInOpen())
                : null;
    }

    private AlertEvent alertFor(BreakerTransition transition, String incident) {
        boolean enabled = transition.to() == CircuitBreaker.State.CLOSED;
        String by = BreakerTransition.OPERATOR.equals(transition.actor()) ? "by an operator" : "by its breaker";
        String what = enabled ? "re-enabled " + by
                : transition.to() == CircuitBreaker.State.FORCED_OPEN ? "disabled " + by + " until closed"
                : "disabled " + by;
        String reason = transition.dependency() + " " + what + ": " + transition.reason();
        Instant since = enabled ? disabledSince(transition) : transition.at();
        if (enabled) {
            reason += "; calls were stopped for " + Durations.format(Duration.between(since, transition.at()).truncatedTo(ChronoUnit.SECONDS));
        }
        AlertStatus status = enabled ? AlertStatus.RESOLVED : AlertStatus.FIRING;
        HealthState state = enabled ? HealthState.UP : HealthState.DOWN;
        return new AlertEvent(IncidentIds.event(incident, status.name(), state.name(), transition.at()), incident, status,
                breakers.dependency(transition.dependency()).breaker().severity(), null, transition.dependency(),
                state, enabled ? HealthState.DOWN : HealthState.UP,
                breakers.lastFailure(transition.dependency()).filter(unused -> !enabled)
                        .map(io.sentinel.probe.ProbeResult::failureClass).orElse(null),
                reason, null, since, transition.at());
    }

    /** When calls stopped: the newest transition that disabled the dependency, as far as the record goes. */
    private Instant disabledSince(BreakerTransition closing) {
        return repository.transitions(closing.dependency(), 20).stream()
                .filter(BreakerTransition::disables)
                .map(BreakerTransition::at)
                .findFirst()
                .orElse(closing.at());
    }

    private static void log(BreakerTransition transition) {
        if (BreakerTransition.OPERATOR.equals(transition.actor())) {
            LOG.warn("Operator moved the {} breaker from {} to {}: {}", transition.dependency(), transition.from(),
                    transition.to(), transition.reason());
        } else if (transition.disables()) {
            LOG.warn("{} breaker opened: {}", transition.dependency(), transition.reason());
        } else {
            LOG.info("{} breaker {} -> {}: {}", transition.dependency(), transition.from(), transition.to(),
                    transition.reason());
        }
    }
}
