package io.sentinel.incident.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.sentinel.alert.Notification;
import io.sentinel.alert.NotificationKeys;
import io.sentinel.alert.NotificationKind;
import io.sentinel.alert.outbox.OutboxEntry;
import io.sentinel.alert.silence.Silence;
import io.sentinel.breaker.BreakerRepository;
import io.sentinel.breaker.BreakerTransition;
import io.sentinel.breaker.StoredBreaker;
import io.sentinel.config.Severity;
import io.sentinel.incident.AlertRole;
import io.sentinel.incident.FactKind;
import io.sentinel.incident.Incident;
import io.sentinel.incident.IncidentAlert;
import io.sentinel.incident.IncidentFact;
import io.sentinel.incident.IncidentRepository;
import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.model.FailureClass;
import io.sentinel.model.HealthState;
import io.sentinel.probe.ProbeResult;
import io.sentinel.rules.IncidentIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An incident read back as its facts, from what each part recorded; nothing made up. */
class IncidentTimelinesTest {

    private static final Instant T0 = Instant.parse("2026-12-02T07:10:00Z");
    private static final String INCIDENT = IncidentIds.forDependency("foursquare", T0.plusSeconds(20));
    private static final String ALERT = IncidentIds.forCheck("fsq-search", T0.plusSeconds(20));
    private static final String BREAKER = IncidentIds.forBreaker("foursquare", T0.plusSeconds(20));

    private final List<ProbeResult> results = new ArrayList<>();
    private final List<AlertEvent> events = new ArrayList<>();
    private final List<OutboxEntry> notifications = new ArrayList<>();
    private final List<BreakerTransition> transitions = new ArrayList<>();
    private final List<Silence> silences = new ArrayList<>();
    private final Incident incident = Incident.opened(INCIDENT, "foursquare", Severity.HIGH, "fsq-search DOWN",
            T0.plusSeconds(20)).recovered(T0.plusSeconds(300));
    private final List<IncidentAlert> alerts = List.of(
            new IncidentAlert(INCIDENT, ALERT, AlertRole.OWN, "foursquare", "fsq-search", "fsq-search", null, T0.plusSeconds(20)),
            new IncidentAlert(INCIDENT, BREAKER, AlertRole.BREAKER, "foursquare", null, "foursquare breaker", null,
                    T0.plusSeconds(20)),
            new IncidentAlert(INCIDENT, "fn-x@1", AlertRole.DEPENDENT, "supabase-functions", "fn-x", "fn-x", "foursquare",
                    T0.plusSeconds(25)));
    private final List<IncidentFact> facts = List.of(
            IncidentFact.of(INCIDENT, T0.plusSeconds(20), FactKind.OPENED, "fsq-search", "opened by fsq-search DOWN"),
            IncidentFact.of(INCIDENT, T0.plusSeconds(300), FactKind.RECOVERED, "", "every alert of foursquare resolved"));

    private final IncidentTimelines timelines = new IncidentTimelines(new Incidents(),
            alert -> events.stream().filter(event -> event.incidentId().equals(alert)).toList(),
            alert -> notifications.stream().filter(entry -> entry.notification().event().incidentId().equals(alert)).toList(),
            new Transitions(),
            (check, from, to) -> results.stream().filter(result -> result.checkId().equals(check))
                    .filter(result -> !result.startedAt().isBefore(from) && !result.startedAt().isAfter(to)).toList(),
            dependency -> dependency.equals("foursquare") ? List.of("fsq-search") : List.of(),
            () -> silences, Clock.fixed(T0.plusSeconds(3_600), ZoneOffset.UTC));

    @Test
    void theTimelineHoldsEveryRecordedFactInOrderAndTheImpactCountsOnlyRecordedProbes() {
        results.add(paid(T0, true));
        results.add(paid(T0.plusSeconds(10), false));
        results.add(paid(T0.plusSeconds(15), false));
        results.add(paid(T0.plusSeconds(20), false));
        results.add(paid(T0.plusSeconds(200), true));
        AlertEvent firing = new AlertEvent(ALERT + "/FIRING", ALERT, AlertStatus.FIRING, Severity.HIGH, "fsq-search",
                "foursquare", HealthState.DOWN, HealthState.UP, FailureClass.QUOTA, "3 failed probes in a row", null,
                T0.plusSeconds(20), T0.plusSeconds(20));
        events.add(firing);
        events.add(new AlertEvent(ALERT + "/RESOLVED", ALERT, AlertStatus.RESOLVED, Severity.HIGH, "fsq-search",
                "foursquare", HealthState.UP, HealthState.DOWN, null, "1 good probe", null, T0.plusSeconds(20),
                T0.plusSeconds(300)));
        OutboxEntry queued = OutboxEntry.pending(new Notification(NotificationKeys.alert(firing, "ops-slack"), "ops-slack",
                NotificationKind.ALERT, firing, Optional.empty(), "", T0.plusSeconds(20)));
        notifications.add(queued.delivered(T0.plusSeconds(21)));
        transitions.add(new BreakerTransition("foursquare", CircuitBreaker.State.CLOSED, CircuitBreaker.State.OPEN,
                T0.plusSeconds(20), "3 of the last 3 probes failed", BreakerTransition.AUTOMATIC));
        transitions.add(new BreakerTransition("foursquare", CircuitBreaker.State.OPEN, CircuitBreaker.State.FORCED_OPEN,
                T0.plusSeconds(60), "credits exhausted, see INC-7", BreakerTransition.OPERATOR));
        transitions.add(new BreakerTransition("foursquare", CircuitBreaker.State.OPEN, CircuitBreaker.State.CLOSED,
                T0.minusSeconds(3_000), "long before", BreakerTransition.AUTOMATIC));
        silences.add(new Silence("6f0c0000-0000-0000-0000-000000000001", Optional.empty(), Optional.of("foursquare"),
                Optional.empty(), T0.plusSeconds(90), T0.plusSeconds(7_290), "waiting for credits", T0.plusSeconds(90)));
        silences.add(new Silence("6f0c0000-0000-0000-0000-000000000002", Optional.of("hunter-account"), Optional.empty(),
                Optional.empty(), T0.plusSeconds(95), T0.plusSeconds(7_295), "another matter", T0.plusSeconds(95)));

        IncidentView view = timelines.view(INCIDENT).orElseThrow();

        assertThat(view.timeline()).extracting(entry -> entry.at() + " " + entry.kind() + " " + entry.text()).containsExactly(
                "2026-12-02T07:10:10Z FIRST_FAILED_PROBE first failed probe of fsq-search: QUOTA out of credits",
                "2026-12-02T07:10:20Z ALERT_FIRED fsq-search DOWN (QUOTA): 3 failed probes in a row",
                "2026-12-02T07:10:20Z OPENED opened by fsq-search DOWN",
                "2026-12-02T07:10:20Z BREAKER_OPENED foursquare breaker CLOSED → OPEN: 3 of the last 3 probes failed",
                "2026-12-02T07:10:20Z NOTIFICATION_QUEUED FIRING fsq-search DOWN queued for ops-slack",
                "2026-12-02T07:10:21Z NOTIFICATION_DELIVERED FIRING fsq-search DOWN delivered to ops-slack",
                "2026-12-02T07:11:00Z OPERATOR_ACTION an operator moved the foursquare breaker from OPEN to FORCED_OPEN:"
                        + " credits exhausted, see INC-7",
                "2026-12-02T07:11:30Z OPERATOR_ACTION an operator silenced dependency foursquare until"
                        + " 2026-12-02T09:11:30Z: waiting for credits",
                "2026-12-02T07:15:00Z ALERT_RESOLVED fsq-search UP: 1 good probe",
                "2026-12-02T07:15:00Z RECOVERED every alert of foursquare resolved");
        assertThat(view.impact().affectedChecks()).containsExactly("fsq-search", "fn-x");
        assertThat(view.impact().dependentChecks()).containsExactly("fn-x");
        assertThat(view.impact().dependentsSummary()).isEqualTo("1 dependent check affected");
        assertThat(view.impact().firstFailedProbe()).isEqualTo(T0.plusSeconds(10));
        assertThat(view.impact().duration()).isEqualTo(Duration.ofSeconds(290));
        assertThat(view.impact().failedProbes()).isEqualTo(3);
        assertThat(view.impact().failedPaidCallsUsd()).isEqualTo(0.045);
    }

    @Test
    void anAlertsIdFindsTheIncidentItIsListedInAndAnUnknownIdNothing() {
        assertThat(timelines.view(ALERT)).hasValueSatisfying(view -> assertThat(view.incident()).isEqualTo(incident));
        assertThat(timelines.view("nope@1")).isEmpty();
    }

    @Test
    void withoutRecordedProbesTheImpactSaysSoRatherThanGuessing() {
        IncidentView view = timelines.view(INCIDENT).orElseThrow();

        assertThat(view.impact().firstFailedProbe()).isNull();
        assertThat(view.impact().failedProbes()).isZero();
        assertThat(view.impact().duration()).as("from the opening").isEqualTo(Duration.ofSeconds(280));
    }

    private static ProbeResult paid(Instant at, boolean up) {
        ProbeResult.Builder result = ProbeResult.of("fsq-search", "foursquare", at).reading("cost.usd", 0.015);
        return up ? result.up("ok") : result.down(FailureClass.QUOTA, "out of credits");
    }

    private final class Incidents implements IncidentRepository {
        @Override
        public List<Incident> unclosed() {
            return List.of(incident);
        }

        @Override
        public Optional<Incident> find(String incidentId) {
            return incidentId.equals(INCIDENT) ? Optional.of(incident) : Optional.empty();
        }

        @Override
        public List<Incident> listing(String alertId) {
            return alerts.stream().anyMatch(alert -> alert.alertId().equals(alertId)) ? List.of(incident) : List.of();
        }

        @Override
        public List<Incident> find(Optional<Boolean> open, Optional<java.time.Instant> activeSince, int limit, int offset) {
            return List.of(incident);
        }

        @Override
        public List<IncidentAlert> alertsOf(Collection<String> incidentIds) {
            return incidentIds.contains(INCIDENT) ? alerts : List.of();
        }

        @Override
        public List<IncidentFact> factsOf(String incidentId) {
            return incidentId.equals(INCIDENT) ? facts : List.of();
        }
    }

    private final class Transitions implements BreakerRepository {
        @Override
        public Map<String, StoredBreaker> loadAll() {
            return Map.of();
        }

        @Override
        public void save(StoredBreaker state) {
        }

        @Override
        public void record(BreakerTransition transition) {
        }

        @Override
        public List<BreakerTransition> transitions(String dependency, int limit) {
            return transitions.stream().filter(transition -> transition.dependency().equals(dependency)).toList();
        }
    }
}
