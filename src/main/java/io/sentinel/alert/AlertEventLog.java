package io.sentinel.alert;

import io.sentinel.secret.Redactor;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records alert events in the background, so the probe that raised one never waits for the database: with the
 * database down, a save would block for the connection timeout. Events wait in memory and are written, in
 * order, when the database answers; the outbox already holds what people must be told, so this is the record
 * for timelines.
 */
public final class AlertEventLog implements AlertEventRepository, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEventLog.class);
    private static final int CAPACITY = 10_000;
    private static final long RETRY_MILLIS = 5_000;

    private final AlertEventRepository store;
    private final LinkedBlockingQueue<AlertEvent> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final Thread writer;
    private volatile boolean running = true;

    public AlertEventLog(AlertEventRepository store) {
        this.store = store;
        this.writer = new Thread(this::write, "sentinel-event-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public void save(AlertEvent event) {
        if (!queue.offer(event)) {
            LOG.warn("Alert event {} was not recorded: {} events are already waiting for the database", event.id(), CAPACITY);
        }
    }

    @Override
    public List<AlertEvent> recent(int limit) {
        return store.recent(limit);
    }

    @Override
    public void close() {
        running = false;
        writer.interrupt();
        try {
            writer.join(5_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void write() {
        boolean failing = false;
        while (running || !queue.isEmpty()) {
            try {
                AlertEvent next = queue.poll(500, TimeUnit.MILLISECONDS);
                if (next == null) {
                    continue;
                }
                while (true) {
                    try {
                        store.save(next);
                        if (failing) {
                            LOG.info("Alert events are recorded again");
                            failing = false;
                        }
                        break;
                    } catch (RuntimeException databaseDown) {
                        if (!failing) {
                            LOG.warn("Alert events cannot be recorded yet ({}); they wait in memory",
                                    Redactor.global().describe(databaseDown));
                            failing = true;
                        }
                        if (!running) {
                            return;
                        }
                        Thread.sleep(RETRY_MILLIS);
                    }
                }
            } catch (InterruptedException interrupted) {
                if (!running) {
                    drainOnce();
                    return;
                }
            }
        }
    }

    /** At shutdown: one last attempt for what is left, without waiting on a database that is down. */
    private void drainOnce() {
        for (AlertEvent event = queue.poll(); event != null; event = queue.poll()) {
            try {
                store.save(event);
            } catch (RuntimeException databaseDown) {
                LOG.warn("{} alert event(s) could not be recorded before stopping", queue.size() + 1);
                return;
            }
        }
    }
}
