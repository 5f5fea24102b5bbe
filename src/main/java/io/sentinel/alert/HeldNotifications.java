package io.sentinel.alert;

import io.sentinel.model.AlertStatus;
import io.sentinel.model.AlertEvent;
import io.sentinel.alert.outbox.DeliveryState;
import io.sentinel.alert.outbox.Outbox;
import io.sentinel.alert.outbox.OutboxEntry;
import io.sentinel.alert.silence.Muting;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Decides what happens to held notifications once their silence or maintenance window is over, so that
 * nothing stale is released:
 * <ul>
 *   <li>a FIRING (or reminder) whose incident is still open is sent, the newest one per incident and channel
 *       only, saying it was held; older ones and those of incidents that ended meanwhile are suppressed;</li>
 *   <li>a RESOLVED is sent only when its FIRING had reached that channel before the silence; otherwise nobody
 *       was told it fired, and "resolved" would be noise, so it is suppressed.</li>
 * </ul>
 */
public final class HeldNotifications {

    private final Outbox outbox;
    private final Muting muting;
    private final OpenIncidents incidents;
    private final Clock clock;

    public HeldNotifications(Outbox outbox, Muting muting, OpenIncidents incidents, Clock clock) {
        this.outbox = outbox;
        this.muting = muting;
        this.incidents = incidents;
        this.clock = clock;
    }

    public void releaseEnded() {
        Instant now = clock.instant();
        List<OutboxEntry> ended = outbox.unfinished().stream()
                .filter(entry -> entry.state() == DeliveryState.HELD)
                .filter(entry -> muting.mutedBy(entry.notification().event(), now).isEmpty())
                .sorted(Comparator.comparing((OutboxEntry entry) -> entry.notification().createdAt()).reversed())
                .toList();
        for (OutboxEntry entry : ended) {
            AlertEvent event = entry.notification().event();
            if (event.status() == AlertStatus.FIRING) {
                boolean newest = ended.stream().filter(other -> sameIncidentAndChannel(other, entry))
                        .findFirst().map(other -> other == entry).orElse(true);
                boolean stillFiring = incidents.latest(event.incidentId()).map(latest -> latest.state() == event.state())
                        .orElse(false);
                outbox.update(newest && stillFiring
                        ? entry.released(now, "held (" + entry.lastError() + ") since " + entry.notification().createdAt()
                                + ", still firing")
                        : entry.suppressed("not sent: the problem ended or changed while it was held"));
            } else {
                outbox.update(firingWasDelivered(entry)
                        ? entry.released(now, "held (" + entry.lastError() + ") until now")
                        : entry.suppressed("not sent: its FIRING was held too, so nobody was told it fired"));
            }
        }
    }

    private boolean firingWasDelivered(OutboxEntry resolved) {
        return outbox.forIncident(resolved.notification().event().incidentId()).stream()
                .anyMatch(entry -> entry.channelId().equals(resolved.channelId())
                        && entry.notification().event().status() == AlertStatus.FIRING
                        && entry.state() == DeliveryState.DELIVERED);
    }

    private static boolean sameIncidentAndChannel(OutboxEntry a, OutboxEntry b) {
        return a.channelId().equals(b.channelId())
                && a.notification().event().incidentId().equals(b.notification().event().incidentId())
                && a.notification().event().status() == b.notification().event().status();
    }
}
