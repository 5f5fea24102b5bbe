package io.sentinel.alert;

import io.sentinel.model.AlertStatus;
import io.sentinel.model.AlertEvent;
import io.sentinel.alert.outbox.Outbox;
import io.sentinel.alert.outbox.OutboxEntry;
import io.sentinel.alert.silence.Muting;
import io.sentinel.incident.Correlation;
import io.sentinel.incident.IncidentTracker;
import io.sentinel.rules.CheckState;
import java.time.Clock;
import io.sentinel.rules.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code direct:alerts} calls for every verdict of the rules: puts its events into their incidents
 * ({@link IncidentTracker}: one root cause, one message), decides the channels of each event people are told
 * about, makes one notification per channel (held back when a silence or maintenance window covers it), and
 * commits the check's new state, the events, the incident changes and the notifications as one
 * {@link Decision}. Only then does the outbox take the notifications. Sending happens elsewhere (the
 * dispatchers), so a slow channel never holds up the probe that raised the event.
 */
public final class AlertRouter {

    private final AlertPolicy policy;
    private final Outbox outbox;
    private final Muting muting;
    private final DecisionRepository decisions;
    private final OpenIncidents toldAlerts;
    private final IncidentTracker incidents;
    private final Clock clock;

    public AlertRouter(AlertPolicy policy, Outbox outbox, Muting muting, DecisionRepository decisions,
                       OpenIncidents toldAlerts, IncidentTracker incidents, Clock clock) {
        this.policy = policy;
        this.outbox = outbox;
        this.muting = muting;
        this.decisions = decisions;
        this.toldAlerts = toldAlerts;
        this.incidents = incidents;
        this.clock = clock;
    }

    /**
     * Commits what the verdict decided and hands its notifications to the outbox. One decision at a time: the
     * incidents an event joins depend on the decisions before it.
     */
    public synchronized Decision route(Verdict verdict) {
        return commit(verdict.changedState(), incidents.correlate(verdict.events()));
    }

    /**
     * What time alone decides about incidents: held dependent alerts released (and told) when they outlast
     * their parent's outage, recovered incidents confirmed stable. Run every second by a housekeeping route.
     */
    public synchronized Decision incidentTimers() {
        return commit(null, incidents.due(clock.instant()));
    }

    private Decision commit(CheckState state, Correlation correlation) {
        Instant now = clock.instant();
        List<OutboxEntry> notifications = new ArrayList<>();
        for (Correlation.Notice notice : correlation.notices()) {
            notifications.addAll(notificationsFor(notice.event(), notice.note(), now));
        }
        Decision decision = new Decision(state, correlation.events(), notifications, correlation.update());
        if (decision.isEmpty()) {
            return decision;
        }
        List<OutboxEntry> added = decisions.commit(decision);
        correlation.notices().forEach(notice -> toldAlerts.record(notice.event()));
        correlation.events().stream().filter(event -> event.status() == AlertStatus.RESOLVED).forEach(toldAlerts::record);
        outbox.admit(added);
        return decision;
    }

    private List<OutboxEntry> notificationsFor(AlertEvent event, String note, Instant now) {
        if (event.status() == AlertStatus.RESOLVED && !policy.sendsResolved(event)) {
            return List.of();
        }
        Optional<String> muted = muting.mutedBy(event, now);
        List<OutboxEntry> entries = new ArrayList<>();
        for (String channel : policy.channelsFor(event)) {
            Notification notification = new Notification(NotificationKeys.alert(event, channel), channel,
                    NotificationKind.ALERT, event, policy.runbook(event), note, now);
            entries.add(muted.map(why -> OutboxEntry.held(notification, "held by " + why))
                    .orElseGet(() -> OutboxEntry.pending(notification)));
        }
        return entries;
    }
}
