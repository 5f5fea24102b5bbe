package io.sentinel.store;

import io.sentinel.alert.outbox.OutboxEntry;
import io.sentinel.alert.silence.Silence;
import io.sentinel.breaker.BreakerTransition;
import io.sentinel.config.Severity;
import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeResult;
import io.sentinel.report.incident.FailedProbes;
import io.sentinel.report.incident.IncidentQuery;
import io.sentinel.report.incident.IncidentRecords;
import io.sentinel.report.incident.IncidentSummary;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Incidents as the alert events make them: every event of one outage shares an incident id. The list is worked
 * out by the database (first event, newest event, counts), so it covers every stored event, not a recent few.
 */
public final class IncidentReportStore implements IncidentRecords {

    /** Per incident: its newest event (where it stands), its first event (what it is about), and its totals. */
    private static final String FIND = "SELECT n.incident_id, n.status, n.at, f.check_id, f.dependency, f.severity,"
            + " s.started_at, s.events"
            + " FROM (SELECT incident_id, status, at,"
            + " ROW_NUMBER() OVER (PARTITION BY incident_id ORDER BY at DESC, id DESC) AS newest FROM alert_event) n"
            + " JOIN (SELECT incident_id, check_id, dependency, severity,"
            + " ROW_NUMBER() OVER (PARTITION BY incident_id ORDER BY at, id) AS oldest FROM alert_event) f"
            + " ON f.incident_id = n.incident_id AND f.oldest = 1"
            + " JOIN (SELECT incident_id, MIN(since) AS started_at, COUNT(*) AS events FROM alert_event"
            + " GROUP BY incident_id) s ON s.incident_id = n.incident_id"
            + " WHERE n.newest = 1";
    private static final String ORDER_AND_PAGE = " ORDER BY n.at DESC, n.incident_id DESC LIMIT ? OFFSET ?";

    private final Database database;
    private final AlertEventStore events;
    private final OutboxStore outbox;
    private final SilenceStore silences;
    private final BreakerStore breakers;
    private final ObservationStore observations;

    public IncidentReportStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        this.events = new AlertEventStore(database);
        this.outbox = new OutboxStore(database);
        this.silences = new SilenceStore(database);
        // only read here: the clock stamps writes
        this.breakers = new BreakerStore(database, Clock.systemUTC());
        this.observations = new ObservationStore(database);
    }

    @Override
    public List<IncidentSummary> find(IncidentQuery query) {
        StringBuilder sql = new StringBuilder(FIND);
        query.open().ifPresent(open -> sql.append(" AND n.status = '")
                .append(open ? AlertStatus.FIRING.name() : AlertStatus.RESOLVED.name()).append('\''));
        query.activeSince().ifPresent(since -> sql.append(" AND (n.status = '").append(AlertStatus.FIRING.name())
                .append("' OR n.at >= ?)"));
        sql.append(ORDER_AND_PAGE);
        return Reads.run(database, "incidents", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                int index = 1;
                if (query.activeSince().isPresent()) {
                    SqlValues.setInstant(statement, index++, query.activeSince().get());
                }
                statement.setInt(index++, query.limit());
                statement.setInt(index, query.offset());
                List<IncidentSummary> incidents = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        incidents.add(summary(rows));
                    }
                }
                return incidents;
            }
        });
    }

    @Override
    public List<AlertEvent> events(String incidentId) {
        List<AlertEvent> own = events.forIncident(incidentId);
        // no alert has an outage's id: for one, the events of the alerts listed in it
        return own.isEmpty() ? events.listedIn(incidentId) : own;
    }

    @Override
    public List<OutboxEntry> notifications(String incidentId) {
        return outbox.forIncident(incidentId);
    }

    @Override
    public List<BreakerTransition> breakerTransitions(String dependency, Instant from, Instant to) {
        return breakers.transitionsBetween(dependency, from, to);
    }

    @Override
    public List<Silence> silences() {
        return silences.all();
    }

    @Override
    public Optional<ProbeResult> firstProblemProbe(String checkId, Set<Outcome> problem, Instant by) {
        return observations.firstProblemProbe(checkId, problem, by);
    }

    @Override
    public FailedProbes failedProbesOfCheck(String checkId, Instant from, Instant to) {
        return observations.failedProbes(ObservationStore.Column.CHECK, checkId, from, to);
    }

    @Override
    public FailedProbes failedProbesOfDependency(String dependency, Instant from, Instant to) {
        return observations.failedProbes(ObservationStore.Column.DEPENDENCY, dependency, from, to);
    }

    private static IncidentSummary summary(ResultSet row) throws SQLException {
        AlertStatus newest = SqlValues.getEnum(row, "status", AlertStatus::valueOf);
        return new IncidentSummary(row.getString("incident_id"),
                AlertEvent.subject(row.getString("check_id"), row.getString("dependency"), row.getString("incident_id")),
                row.getString("dependency"), SqlValues.getEnum(row, "severity", Severity::valueOf),
                newest == AlertStatus.FIRING, SqlValues.getInstant(row, "started_at"), SqlValues.getInstant(row, "at"),
                row.getInt("events"));
    }
}
