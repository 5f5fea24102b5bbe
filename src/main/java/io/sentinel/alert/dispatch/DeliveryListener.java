package io.sentinel.alert.dispatch;

import io.sentinel.alert.outbox.OutboxEntry;
import java.time.Duration;

/** Told about every delivery attempt: metrics and logs hang off this. */
public interface DeliveryListener {

    void delivered(OutboxEntry entry, Duration sinceEvent);

    void retrying(OutboxEntry entry, String reason);

    void failed(OutboxEntry entry, String reason);

    DeliveryListener NONE = new DeliveryListener() {
        @Override
        public void delivered(OutboxEntry entry, Duration sinceEvent) {
        }

        @Override
        public void retrying(OutboxEntry entry, String reason) {
        }

        @Override
        public void failed(OutboxEntry entry, String reason) {
        }
    };
}
