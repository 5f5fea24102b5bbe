package io.sentinel.alert;

import io.sentinel.model.AlertStatus;
import io.sentinel.model.AlertEvent;
import io.sentinel.alert.outbox.Outbox;
import io.sentinel.alert.outbox.OutboxEntry;
import io.sentinel.alert.silence.Muting;
import java.time.Clock;
import io.sentinel.rules.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code direct:alerts} calls for every verdict of the rules: decides the channels of each alert event,
 * makes one notification per channel (held back when a silence or maintenance window covers it), and commits
 * the check's new state, the events and the notifications as one {@link Decision}. Only then does the outbox
 * take the notifications. Sending happens elsewhere (the dispatchers), so a slow channel never holds up the
 * probe that raised the event.
 */
public final class AlertRouter {

    private final AlertPolicy policy;
    private final Outbox outbox;
    private final Muting muting;
    private final DecisionRepository decisions;
    private final OpenIncidents incidents;
    private final Clock clock;

    public AlertRouter(AlertPolicy policy, Outbox outbox, Muting muting, DecisionRepository decisions,
                       OpenIncidents incidents, Clock clock) {
        this.policy = policy;
        this.outbox = outbox;
        this.muting = muting;
        this.decisions = decisions;
        this.incidents = incidents;
        this.clock = clock;
    }

    /** Commits what the verdict decided and hands its notifications to the outbox. */
    public Decision route(Verdict verdict) {
        Instant now = clock.instant();
        List<OutboxEntry> notifications = new ArrayList<>();
        for (AlertEvent event : verdict.events()) {
            notifications.addAll(notificationsFor(event, now));
        }
        Decision decision = new Decision(verdict.changedState(), verdict.events(), notifications);
        List<OutboxEntry> added = decisions.commit(decision);
        verdict.events().forEach(incidents::record);
        outbox.admit(added);
        return decision;
    }

    private List<OutboxEntry> notificationsFor(AlertEvent event, Instant now) {
        if (event.status() == AlertStatus.RESOLVED && !policy.sendsResolved(event)) {
            return List.of();
        }
        Optional<String> muted = muting.mutedBy(event, now);
        List<OutboxEntry> entries = new ArrayList<>();
        for (String channel : policy.channelsFor(event)) {
            Notification notification = new Notification(NotificationKeys.alert(event, channel), channel,
                    NotificationKind.ALERT, event, policy.runbook(event), "", now);
            entries.add(muted.map(why -> OutboxEntry.held(notification, "held by " + why))
                    .orElseGet(() -> OutboxEntry.pending(notification)));
        }
        return entries;
    }
}
