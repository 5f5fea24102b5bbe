package io.sentinel.alert;

import io.sentinel.model.AlertStatus;
import io.sentinel.model.AlertEvent;
import io.sentinel.config.Severity;
import io.sentinel.model.FailureClass;
import io.sentinel.model.HealthState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Notifications about one supabase-db outage, for the channel tests. */
public final class TestNotifications {

    /** When the outage began. */
    public static final Instant SINCE = Instant.parse("2026-03-01T10:00:00Z");
    /** Twelve minutes in: when the alert is rendered. */
    public static final Instant NOW = SINCE.plus(Duration.ofMinutes(12));
    public static final String RUNBOOK = "https://runbooks.prospectpro.example/supabase-db";

    private TestNotifications() {
    }

    /** supabase-db went DOWN after a 10 s timeout. */
    public static AlertEvent firing(String reason) {
        return new AlertEvent("evt-1", "inc-42", AlertStatus.FIRING, Severity.CRITICAL, "supabase-db", "supabase",
                HealthState.DOWN, HealthState.UP, FailureClass.TIMEOUT, reason, Duration.ofSeconds(10), SINCE, SINCE);
    }

    /** supabase-db came back 12 minutes 30 seconds after it went down. */
    public static AlertEvent resolved() {
        return new AlertEvent("evt-2", "inc-42", AlertStatus.RESOLVED, Severity.CRITICAL, "supabase-db", "supabase",
                HealthState.UP, HealthState.DOWN, null, "answered in 40ms", Duration.ofMillis(40), SINCE,
                SINCE.plus(Duration.ofSeconds(750)));
    }

    public static Notification alert(AlertEvent event) {
        return new Notification("inc-42:" + event.status() + ":ops-slack", "ops-slack", NotificationKind.ALERT, event,
                Optional.of(RUNBOOK), "", NOW);
    }

    public static Notification alert(String reason) {
        return alert(firing(reason));
    }

    public static Notification reminder(int number) {
        return new Notification("inc-42:reminder-" + number + ":ops-slack", "ops-slack", NotificationKind.REMINDER,
                firing("no answer within 10s"), Optional.of(RUNBOOK), "reminder " + number + ": still firing", NOW);
    }

    /** The email channel telling people that Slack refused the alert for good. */
    public static Notification slackBroken() {
        return new Notification("inc-42:channel-broken:ops-slack:ops-email", "ops-email", NotificationKind.CHANNEL_BROKEN,
                firing("no answer within 10s"), Optional.empty(),
                ChannelBrokenNote.of("Slack", "ops-slack", "Slack answered 404 no_service"), NOW);
    }
}
