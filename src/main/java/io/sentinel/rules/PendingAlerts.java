package io.sentinel.rules;

import io.sentinel.model.AlertEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Events raised and not yet collected: what an {@link AlertSource} holds between two drains. */
public final class PendingAlerts implements AlertSource {

    private final Queue<AlertEvent> pending = new ConcurrentLinkedQueue<>();

    public void raise(AlertEvent event) {
        pending.add(event);
    }

    @Override
    public List<AlertEvent> drain() {
        List<AlertEvent> drained = new ArrayList<>();
        for (AlertEvent event = pending.poll(); event != null; event = pending.poll()) {
            drained.add(event);
        }
        return drained;
    }
}
