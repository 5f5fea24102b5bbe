package io.sentinel.report.incident;

import io.sentinel.alert.outbox.OutboxEntry;
import io.sentinel.alert.silence.Silence;
import io.sentinel.breaker.BreakerTransition;
import io.sentinel.model.AlertEvent;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What incident lists and reports read from storage. Every method throws when the database cannot answer. */
public interface IncidentRecords {

    /** Incidents matching the query, newest activity first. */
    List<IncidentSummary> find(IncidentQuery query);

    /**
     * The incident's alert events, oldest first; empty when there is no such incident. An incident that lists other
     * alerts has their events too.
     */
    List<AlertEvent> events(String incidentId);

    /** Every notification written for one alert (the incident id its events carry), in the order they were created. */
    List<OutboxEntry> notifications(String alertId);

    /** The dependency's breaker transitions from {@code from} to {@code to} (both included), oldest first. */
    List<BreakerTransition> breakerTransitions(String dependency, Instant from, Instant to);

    /** Every silence, ended ones too. */
    List<Silence> silences();

    /**
     * The first probe of the problem streak a check was in at {@code by}: the earliest result with one of the
     * {@code problem} outcomes after the last real observation with none of them. Empty when the check had
     * no such result by then.
     */
    Optional<ProbeResult> firstProblemProbe(String checkId, Set<Outcome> problem, Instant by);

    /** The failed (DOWN) probes of a check from {@code from} to {@code to}, both included. */
    FailedProbes failedProbesOfCheck(String checkId, Instant from, Instant to);

    /** The failed (DOWN) probes of every check of a dependency from {@code from} to {@code to}, both included. */
    FailedProbes failedProbesOfDependency(String dependency, Instant from, Instant to);
}
