package io.sentinel.alert;

import io.sentinel.model.AlertEvent;
import io.sentinel.alert.outbox.Outbox;
import io.sentinel.alert.outbox.OutboxEntry;
import io.sentinel.alert.silence.Muting;
import io.sentinel.config.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Repeats a firing alert every reminder interval while it is still firing. Reminder {@code n} is due at the
 * latest FIRING event plus {@code n} intervals; its idempotency key carries {@code n}, so a restart never
 * repeats a reminder that was already written.
 */
public final class Reminders {

    private final OpenIncidents incidents;
    private final AlertPolicy policy;
    private final Outbox outbox;
    private final Muting muting;
    private final Clock clock;
    /** Per incident: the FIRING event reminded about, and the last reminder number written for it. */
    private final Map<String, Sent> lastReminder = new ConcurrentHashMap<>();

    private record Sent(Instant firingAt, long number) {
    }

    public Reminders(OpenIncidents incidents, AlertPolicy policy, Outbox outbox, Muting muting, Clock clock) {
        this.incidents = incidents;
        this.policy = policy;
        this.outbox = outbox;
        this.muting = muting;
        this.clock = clock;
    }

    public void run() {
        Instant now = clock.instant();
        lastReminder.keySet().removeIf(incident -> !incidents.isOpen(incident));
        for (AlertEvent firing : incidents.all()) {
            Duration interval = policy.reminderInterval(firing);
            long due = Duration.between(firing.at(), now).toMillis() / interval.toMillis();
            Sent sent = lastReminder.get(firing.incidentId());
            long alreadySent = sent != null && sent.firingAt().equals(firing.at()) ? sent.number() : 0;
            if (due < 1 || due <= alreadySent || muting.mutedBy(firing, now).isPresent()) {
                continue;
            }
            lastReminder.put(firing.incidentId(), new Sent(firing.at(), due));
            String note = "reminder " + due + ": still " + firing.state() + " since " + firing.since()
                    + " (" + Durations.format(Duration.between(firing.since(), now).truncatedTo(ChronoUnit.MINUTES)) + ")";
            for (String channel : policy.channelsFor(firing)) {
                outbox.add(OutboxEntry.pending(new Notification(NotificationKeys.reminder(firing, due, channel), channel,
                        NotificationKind.REMINDER, firing, policy.runbook(firing), note, now)));
            }
        }
    }
}
