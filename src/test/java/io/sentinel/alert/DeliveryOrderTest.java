package io.sentinel.alert;

import io.sentinel.model.AlertEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.alert.dispatch.DeliveryOrder;
import io.sentinel.alert.outbox.OutboxEntry;
import io.sentinel.config.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which notification of a channel goes next: each incident in the order it happened, oldest written first. */
class DeliveryOrderTest {

    private final Instant start = Instant.parse("2026-11-26T10:00:00Z");
    private final AlertEvent firing1 = AlertTesting.firing("inc-1", "db-ping", Severity.HIGH, start);
    private final AlertEvent firing2 = AlertTesting.firing("inc-2", "auth", Severity.HIGH, start.plusSeconds(5));
    private final AlertEvent resolved1 = AlertTesting.resolved(firing1, start.plusSeconds(60));

    @Test
    void acrossIncidentsTheOldestWrittenGoesFirst() {
        List<OutboxEntry> queue = List.of(pending("inc-1/FIRING-DOWN/slack", firing1, start),
                pending("inc-2/FIRING-DOWN/slack", firing2, start.plusSeconds(5)));

        assertThat(DeliveryOrder.next(queue)).map(OutboxEntry::key).hasValue("inc-1/FIRING-DOWN/slack");
    }

    @Test
    void aResolvedWaitsWhileItsFiringIsUnfinishedButOtherIncidentsDoNot() {
        List<OutboxEntry> queue = List.of(pending("inc-1/RESOLVED-UP/slack", resolved1, start.plusSeconds(60)),
                pending("inc-1/FIRING-DOWN/slack", firing1, start.plusSeconds(61)),
                pending("inc-2/FIRING-DOWN/slack", firing2, start.plusSeconds(62)));

        // the FIRING arrived later (handed over by a channel that refused it), yet it happened first
        assertThat(DeliveryOrder.next(queue)).map(OutboxEntry::key).hasValue("inc-1/FIRING-DOWN/slack");
    }

    @Test
    void aReminderWrittenJustAfterTheResolveStillGoesBeforeIt() {
        OutboxEntry reminder = OutboxEntry.pending(new Notification("inc-1/REMINDER-1/slack", "slack",
                NotificationKind.REMINDER, firing1, Optional.empty(), "reminder 1", start.plusSeconds(61)));
        List<OutboxEntry> queue = List.of(pending("inc-1/RESOLVED-UP/slack", resolved1, start.plusSeconds(60)), reminder);

        assertThat(DeliveryOrder.next(queue)).map(OutboxEntry::key).hasValue("inc-1/REMINDER-1/slack");
    }

    @Test
    void aHeldNotificationHoldsBackOnlyItsOwnIncident() {
        OutboxEntry held = OutboxEntry.held(AlertTesting.notification("inc-1/FIRING-DOWN/slack", "slack", firing1),
                "held by silence s-1");
        List<OutboxEntry> queue = List.of(held, pending("inc-2/FIRING-DOWN/slack", firing2, start.plusSeconds(5)),
                pending("inc-1/RESOLVED-UP/slack", resolved1, start.plusSeconds(60)));

        assertThat(DeliveryOrder.next(queue)).map(OutboxEntry::key).hasValue("inc-2/FIRING-DOWN/slack");
        assertThat(DeliveryOrder.next(List.of(held, queue.get(2)))).isEmpty();
    }

    @Test
    void onceTheEarlierOneIsFinishedTheNextOfTheIncidentMayGo() {
        // finished entries leave the unfinished list, so only the RESOLVED is left to consider
        assertThat(DeliveryOrder.next(List.of(pending("inc-1/RESOLVED-UP/slack", resolved1, start.plusSeconds(60)))))
                .map(OutboxEntry::key).hasValue("inc-1/RESOLVED-UP/slack");
        assertThat(DeliveryOrder.next(List.of())).isEmpty();
    }

    private static OutboxEntry pending(String key, AlertEvent event, Instant written) {
        return OutboxEntry.pending(new Notification(key, "slack", NotificationKind.ALERT, event, Optional.empty(), "", written));
    }
}
